import { compilePolicy, parsePolicy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import type { CachedPolicy } from "../cache/cached-types";
import type { ToolFilter } from "../upstream/response-messages";
import { serverMessageFilter } from "./server-message-filter";

const noPins: ToolFilter = (tools) => tools;

function published(document: unknown): CachedPolicy {
  const parsed = parsePolicy(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { compiled: compilePolicy(parsed.policy), version: 1 };
}

const policy = published({
  version: "1",
  default: "deny",
  resources: { "vbox://host/info": { action: "allow" }, "vbox://vms/*/config": { action: "allow" } },
  prompts: { "triage-vm": { action: "allow" } },
  hide: ["prompt:export-*"],
});

function answer(result: Record<string, unknown>) {
  return { jsonrpc: "2.0", id: 1, result };
}

describe("serverMessageFilter on listings of resources, templates and prompts", () => {
  const resources = answer({
    resources: [
      { uri: "vbox://host/info", name: "info" },
      { uri: "vbox://host/audit-log", name: "audit" },
    ],
  });
  const templates = answer({
    resourceTemplates: [
      { uriTemplate: "vbox://vms/{name}/config", name: "config" },
      { uriTemplate: "vbox://vms/{name}/disk", name: "disk" },
    ],
  });
  const prompts = answer({ prompts: [{ name: "triage-vm" }, { name: "export-vm" }, { name: "other" }] });

  it("marks a 2026-07-28 listing private, as the grant's own view, and filters it as enforced", () => {
    const filter = serverMessageFilter(policy, noPins, "stateless");
    expect(filter(resources)?.result).toEqual({
      resources: [{ uri: "vbox://host/info", name: "info" }],
      cacheScope: "private",
    });
    expect(filter(templates)?.result).toEqual({
      resourceTemplates: [{ uriTemplate: "vbox://vms/{name}/config", name: "config" }],
      cacheScope: "private",
    });
    expect(filter(prompts)?.result).toEqual({ prompts: [{ name: "triage-vm" }], cacheScope: "private" });
  });

  it("leaves 2025-11-25 listings unmarked, filtered the same way", () => {
    const filter = serverMessageFilter(policy, noPins, "session");
    expect(filter(resources)?.result).toEqual({ resources: [{ uri: "vbox://host/info", name: "info" }] });
    expect(filter(prompts)?.result).toEqual({ prompts: [{ name: "triage-vm" }] });
  });

  it("lists nothing before a policy is published, and drops updates of resources the agent may not read", () => {
    const none = serverMessageFilter(null, noPins, "stateless");
    expect(none(resources)?.result).toEqual({ resources: [], cacheScope: "private" });
    const filter = serverMessageFilter(policy, noPins, "session");
    const update = (uri: string) => ({
      jsonrpc: "2.0",
      method: "notifications/resources/updated",
      params: { uri },
    });
    expect(filter(update("vbox://host/info"))).not.toBeNull();
    expect(filter(update("vbox://host/audit-log"))).toBeNull();
  });
});
