import { baseCall, compiled } from "../test/support/policy";
import { evaluateCall } from "./evaluate-call";
import { explainDecision } from "./explain-decision";

const policy = compiled({
  version: "1",
  default: "deny",
  hide: ["Secret*"],
  tools: {
    MountIso: { limits: [{ counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" }] },
    "vm_*": { action: "require_approval", approval: { timeout: "10m" } },
  },
});

const explain = (tool: string) => {
  const call = { ...baseCall, tool };
  return explainDecision(policy, call, evaluateCall(policy, call));
};

describe("explainDecision", () => {
  it.each([
    [
      "MountIso",
      'Tool "MountIso" (matched as "mountiso") is governed by rule /tools/MountIso (matched by its exact name; action allow).\nAllowed by /tools/MountIso if every limit has room:\n- 30 calls per minute per grant (counter mountiso_rate, fixed window) from /tools/MountIso/limits/0',
    ],
    [
      "vm_delete",
      'Tool "vm_delete" is governed by rule /tools/vm_* (matched by the glob "vm_*", the most specific matching key; action require_approval).\nHeld for human approval by /tools/vm_*; it expires after 600 seconds without a decision.',
    ],
    [
      "SecretThing",
      'Tool "SecretThing" (matched as "secretthing") is hidden by /hide/0 ("Secret*"), so it is not listed and calls are denied.\nDenied by (hidden): Tool \'SecretThing\' is not available to this agent.',
    ],
    [
      "other",
      'Tool "other" matches no rule, so the default "deny" applies.\nDenied by (default deny): Tool \'other\' is not allowed by this policy.',
    ],
  ])("explains %s", (tool, text) => {
    expect(explain(tool)).toBe(text);
  });
});
