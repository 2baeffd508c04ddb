import { canonicalToolName, parsePolicy } from "@toolgate/policy-core";
import { beforeAll, describe, expect, it } from "vitest";
import { boardCards } from "./board";
import { fromPolicy, toPolicy } from "./builder-state";
import { collectPolicyCorpus } from "./corpus/collect-policy-corpus";

let corpus: unknown[] = [];

beforeAll(() => {
  corpus = collectPolicyCorpus();
}, 120_000);

function parsed(document: unknown) {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(`corpus policy is invalid: ${JSON.stringify(result.issues)}`);
  return result.policy;
}

describe("builder state round trip over policy-core's test corpus", () => {
  it("collects the corpus (fixtures, tables and property samples)", () => {
    expect(corpus.length).toBeGreaterThan(100);
    expect(corpus).toContainEqual({
      version: "1",
      default: "deny",
      tools: {
        MountIso: { limits: [{ counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" }] },
      },
    });
  });

  it("serialises every policy back unchanged, key order included", () => {
    const changed = corpus.filter((document) => {
      const back = toPolicy(fromPolicy(parsed(document)));
      return JSON.stringify(back) !== JSON.stringify(document);
    });
    expect(changed).toEqual([]);
  });

  it("puts every rule key and hide entry of every policy on a card", () => {
    const lost = corpus.filter((document) => {
      const state = fromPolicy(parsed(document));
      const keys = new Set(boardCards(state, []).map((card) => canonicalToolName(card.key)));
      const named = [...(state.tools ?? []).map((entry) => entry.key), ...(state.hide ?? [])];
      return named.some((key) => !keys.has(canonicalToolName(key)));
    });
    expect(lost).toEqual([]);
  });
});

describe("resource and prompt rules", () => {
  it("survive the builder unchanged, though they have no lanes yet", () => {
    const policy = parsed({
      version: "1",
      default: "deny",
      resources: { "file:///public/*": {}, "file:///etc/*": { action: "deny" } },
      tools: { MountIso: {} },
      prompts: { greeting: { rate_limit: "5/minute" } },
      hide: ["resource:file:///secret/*"],
    });
    expect(JSON.stringify(toPolicy(fromPolicy(policy)))).toBe(JSON.stringify(policy));
  });
});
