import fc from "fast-check";
import { type CallContext, compilePolicy, evaluateCall, isToolVisible, parsePolicy } from "../src/index";

// A small alphabet makes collisions between names, globs and lookalikes likely.
const nameChar = fc.constantFrom("a", "A", "b", "B", "ａ", " ", "\u200b", "_", "é", "e\u0301");
const name = fc.array(nameChar, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(""));
const pattern = fc
  .array(fc.oneof(nameChar, fc.constant("*")), { minLength: 1, maxLength: 4 })
  .map((chars) => chars.join(""));

const rule = fc.record(
  {
    action: fc.constantFrom("allow", "deny", "require_approval"),
    rate_limit: fc.constantFrom("1/second", "30/minute"),
    // Satisfiable by args {x: 3}, so a listed tool always has some allowed call.
    require: fc.constant([{ path: "args.x", op: "exists" }]),
    deny_if: fc.constantFrom(
      [{ path: "args.x", op: "eq", value: 1 }],
      [{ path: "args.x", op: "in", value: [1, 2] }],
    ),
  },
  { requiredKeys: [] },
);

const policyDocument = fc.record({
  version: fc.constant("1"),
  default: fc.constantFrom("allow", "deny"),
  hide: fc.array(pattern, { maxLength: 3 }),
  tools: fc.dictionary(pattern, rule, { maxKeys: 6 }),
});

const argsChoices: Record<string, unknown>[] = [{}, { x: 1 }, { x: 2 }, { x: 3 }];

function call(tool: string, args: Record<string, unknown>): CallContext {
  return { tool, args, tenantId: "t", serverId: "s", grantId: "g", sessionId: "x" };
}

describe("tools/list filtering and call decisions", () => {
  it("agree: a tool is listed iff some call to it is not denied", () => {
    fc.assert(
      fc.property(
        policyDocument,
        fc.array(fc.oneof(name, pattern), { minLength: 1, maxLength: 8 }),
        (document, tools) => {
          const parsed = parsePolicy(document);
          fc.pre(parsed.ok);
          if (!parsed.ok) return;
          const policy = compilePolicy(parsed.policy);
          for (const tool of tools) {
            const outcomes = argsChoices.map((args) => evaluateCall(policy, call(tool, args)).outcome);
            const someAllowed = outcomes.some((outcome) => outcome !== "deny");
            expect(isToolVisible(policy, tool)).toBe(someAllowed);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("give lookalike spellings of a name the same answer", () => {
    const variants = (tool: string) => [
      tool.toUpperCase(),
      ` ${tool}\u200b `,
      tool.normalize("NFD"),
      tool.normalize("NFKC"),
    ];
    fc.assert(
      fc.property(policyDocument, name, (document, tool) => {
        const parsed = parsePolicy(document);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        const policy = compilePolicy(parsed.policy);
        const expected = evaluateCall(policy, call(tool, { x: 3 }));
        for (const variant of variants(tool)) {
          expect(isToolVisible(policy, variant)).toBe(isToolVisible(policy, tool));
          expect(evaluateCall(policy, call(variant, { x: 3 })).rule).toBe(expected.rule);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
