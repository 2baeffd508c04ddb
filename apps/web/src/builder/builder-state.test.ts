import { canonicalToolName, hideTarget, parsePolicy } from "@toolgate/policy-core";
import { beforeAll, describe, expect, it } from "vitest";
import { accessCards } from "./access-board";
import { canonicalAccessKey } from "./access-rules";
import { boardCards } from "./board";
import { applyBuilderAction } from "./builder-actions";
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
      const keys = new Set([
        ...boardCards(state, []).map((card) => `tool ${canonicalToolName(card.key)}`),
        ...(["resource", "prompt"] as const).flatMap((kind) =>
          accessCards(state, kind, []).map((card) => `${kind} ${canonicalAccessKey(kind, card.key)}`),
        ),
      ]);
      const named = [
        ...(state.tools ?? []).map((entry) => `tool ${canonicalToolName(entry.key)}`),
        ...Object.keys(state.resources ?? {}).map((key) => `resource ${canonicalAccessKey("resource", key)}`),
        ...Object.keys(state.prompts ?? {}).map((key) => `prompt ${canonicalAccessKey("prompt", key)}`),
        ...(state.hide ?? []).map((entry) => {
          const target = hideTarget(entry);
          return `${target.kind} ${target.canonical}`;
        }),
      ];
      return named.some((key) => !keys.has(key));
    });
    expect(lost).toEqual([]);
  });
});

describe("resource and prompt rules", () => {
  it("survive the builder unchanged, globs and hide entries included", () => {
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

describe("a glob the board cannot show on a catalogue card", () => {
  it("stays as written while catalogue cards around it move", () => {
    const policy = parsed({
      version: "1",
      default: "deny",
      resources: { "file:///var/log/*.log": { action: "require_approval", approval: { timeout: "2m" } } },
      prompts: { "draft-*": { rate_limit: "3/minute" } },
    });
    const catalogue = [
      {
        kind: "resource" as const,
        key: "file:///var/log/app.log",
        listed: "file:///var/log/app.log",
        title: null,
        description: "",
      },
    ];
    const state = fromPolicy(policy);
    expect(accessCards(state, "resource", catalogue).map((card) => [card.id, card.lane, card.via])).toEqual([
      ["resource:file:///var/log/app.log", "require_approval", "file:///var/log/*.log"],
      ["rule:file:///var/log/*.log", "require_approval", undefined],
    ]);
    const moved = applyBuilderAction(state, {
      type: "move_access",
      kind: "resource",
      key: "file:///var/log/app.log",
      lane: "deny",
    });
    expect(toPolicy(moved)).toEqual({
      ...policy,
      resources: { ...policy.resources, "file:///var/log/app.log": { action: "deny" } },
    });
  });
});
