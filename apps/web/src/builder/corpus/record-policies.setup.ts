import { appendFileSync } from "node:fs";
import { afterAll, vi } from "vitest";

// Runs inside policy-core's own test suite (see collect-policy-corpus.ts): every document
// policy-core's tests feed to parsePolicy and that parses is recorded as corpus.
const seen: unknown[] = [];

vi.mock(import("../../../../../packages/policy-core/src/parse-policy"), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    parsePolicy: (input: unknown) => {
      const result = original.parsePolicy(input);
      if (result.ok) seen.push(structuredClone(result.policy));
      return result;
    },
    parsePolicyJson: (text: string) => {
      const result = original.parsePolicyJson(text);
      if (result.ok) seen.push(structuredClone(result.policy));
      return result;
    },
  };
});

afterAll(() => {
  const out = process.env.POLICY_CORPUS_OUT;
  if (out !== undefined && seen.length > 0)
    appendFileSync(out, `${seen.map((p) => JSON.stringify(p)).join("\n")}\n`);
});
