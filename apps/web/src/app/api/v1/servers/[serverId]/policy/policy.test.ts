import { listAuditEvents } from "@toolgate/db";
import { describe, expect, it } from "vitest";
import {
  diffPolicyRoute,
  getPolicyRoute,
  getPolicyVersionRoute,
  listPolicyVersionsRoute,
  publishPolicyRoute,
  rollbackPolicyRoute,
  simulatePolicyRoute,
  validatePolicyRoute,
} from "@/server/api/routes/policy-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import { newServerRow } from "../../../../../../../test/test-tenant";
import * as diff from "./diff/route";
import * as current from "./route";
import * as simulate from "./simulate/route";
import * as validate from "./validate/route";
import * as rollback from "./versions/[version]/rollback/route";
import * as oneVersion from "./versions/[version]/route";
import * as versions from "./versions/route";

const canonical = {
  version: "1",
  default: "deny",
  tools: { MountIso: { limits: [{ counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" }] } },
};
const permissive = { version: "1", default: "allow" };

async function setup() {
  const tenant = await newApiTenant();
  const server = await newServerRow(apiDb(), tenant.tenantId);
  return { ...tenant, serverId: server.id, params: { serverId: server.id } };
}

async function publish(key: string, params: { serverId: string }, body: Record<string, unknown>) {
  return callApi(versions.POST, { path: "/", key, params, body });
}

describe("policy endpoints", () => {
  it("publishes versions with optimistic concurrency, lists and gets them", async () => {
    const { keys, params, tenantId } = await setup();
    const none = expectOk(
      await callApi(current.GET, { path: "/", key: keys.viewer, params }),
      getPolicyRoute,
    );
    expect(none).toMatchObject({ version: null, document: null });

    const first = expectOk(
      await publish(keys.policyManager, params, { document: canonical, message: "first", baseVersion: null }),
      publishPolicyRoute,
    );
    expect(first.version).toBe(1);
    const second = expectOk(
      await publish(keys.policyManager, params, { document: permissive, baseVersion: 1 }),
      publishPolicyRoute,
    );
    expect(second.version).toBe(2);

    const stale = await publish(keys.policyManager, params, { document: canonical, baseVersion: 1 });
    expectError(stale, 409, "policy_conflict");

    const got = expectOk(await callApi(current.GET, { path: "/", key: keys.viewer, params }), getPolicyRoute);
    expect(got).toMatchObject({ version: 2, document: permissive });
    const listed = expectOk(
      await callApi(versions.GET, { path: "/", key: keys.viewer, params }),
      listPolicyVersionsRoute,
    );
    expect(listed.versions.map((v) => [v.version, v.current, v.message])).toEqual([
      [2, true, ""],
      [1, false, "first"],
    ]);
    const v1 = expectOk(
      await callApi(oneVersion.GET, { path: "/", key: keys.viewer, params: { ...params, version: "1" } }),
      getPolicyVersionRoute,
    );
    expect(v1.document).toEqual(canonical);
    const audit = await listAuditEvents(apiDb(), tenantId);
    expect(audit.filter((event) => event.action === "policy.published")).toHaveLength(2);
  });

  it("rejects an invalid document with each problem's JSON path, publishing nothing", async () => {
    const { keys, params } = await setup();
    const result = await publish(keys.admin, params, {
      document: { version: "1", default: "deny", colour: "blue", tools: { X: { action: "maybe" } } },
    });
    const issues = expectError(result, 400, "invalid_policy");
    expect(issues.map((issue) => issue.path)).toEqual(["/colour", "/tools/X/action"]);
    const got = expectOk(await callApi(current.GET, { path: "/", key: keys.admin, params }), getPolicyRoute);
    expect(got.version).toBeNull();
  });

  it("validates without publishing: issues for a broken document, lint warnings for a valid one", async () => {
    const { keys, params } = await setup();
    const broken = expectOk(
      await callApi(validate.POST, {
        path: "/",
        key: keys.viewer,
        params,
        body: { document: { version: "2" } },
      }),
      validatePolicyRoute,
    );
    expect(broken.valid).toBe(false);
    expect(broken.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["/version", "/default"]),
    );
    const valid = expectOk(
      await callApi(validate.POST, { path: "/", key: keys.viewer, params, body: { document: canonical } }),
      validatePolicyRoute,
    );
    expect(valid).toMatchObject({ valid: true, issues: [] });
    expectError(
      await callApi(validate.POST, { path: "/", key: keys.viewer, params, body: {} }),
      400,
      "invalid_input",
    );
    expectError(
      await callApi(validate.POST, { path: "/", key: keys.viewer, params, rawBody: "{not json" }),
      400,
      "invalid_json",
    );
  });

  it("simulates calls against the published policy or a draft", async () => {
    const { keys, params } = await setup();
    const noPolicy = await callApi(simulate.POST, {
      path: "/",
      key: keys.viewer,
      params,
      body: { tool: "MountIso" },
    });
    expectError(noPolicy, 404, "not_found");
    expectOk(await publish(keys.admin, params, { document: canonical }), publishPolicyRoute);

    const allowed = expectOk(
      await callApi(simulate.POST, {
        path: "/",
        key: keys.viewer,
        params,
        body: { tool: "MountIso", args: {} },
      }),
      simulatePolicyRoute,
    );
    expect(allowed.policyVersion).toBe(1);
    expect(allowed.decision).toMatchObject({ outcome: "check_limits", rule: "/tools/MountIso" });
    expect(allowed.decision.limits?.[0]).toMatchObject({
      counter: "mountiso_rate",
      max: 30,
      windowSeconds: 60,
    });
    expect(allowed.explanation).toContain("MountIso");

    const denied = expectOk(
      await callApi(simulate.POST, { path: "/", key: keys.viewer, params, body: { tool: "DeleteVm" } }),
      simulatePolicyRoute,
    );
    expect(denied.decision).toMatchObject({ outcome: "deny", rule: "(default deny)" });

    const draft = expectOk(
      await callApi(simulate.POST, {
        path: "/",
        key: keys.viewer,
        params,
        body: { tool: "DeleteVm", document: permissive },
      }),
      simulatePolicyRoute,
    );
    expect(draft).toMatchObject({ policyVersion: null, decision: { outcome: "allow" } });
    const badDraft = await callApi(simulate.POST, {
      path: "/",
      key: keys.viewer,
      params,
      body: { tool: "X", document: { version: "1" } },
    });
    expect(expectError(badDraft, 400, "invalid_policy").map((issue) => issue.path)).toContain("/default");
  });

  it("diffs two versions and rolls back by publishing an old one anew", async () => {
    const { keys, params } = await setup();
    expectOk(await publish(keys.admin, params, { document: canonical }), publishPolicyRoute);
    expectOk(await publish(keys.admin, params, { document: permissive }), publishPolicyRoute);
    const changes = expectOk(
      await callApi(diff.GET, { path: "/servers/x/policy/diff?from=1", key: keys.viewer, params }),
      diffPolicyRoute,
    );
    expect(changes).toEqual({
      from: 1,
      to: 2,
      changes: [
        { path: "/default", before: "deny", after: "allow" },
        { path: "/tools", before: canonical.tools },
      ],
    });
    const badQuery = await callApi(diff.GET, {
      path: "/servers/x/policy/diff?from=zero",
      key: keys.viewer,
      params,
    });
    expect(expectError(badQuery, 400, "invalid_input").map((issue) => issue.path)).toEqual(["/from"]);

    const rolled = expectOk(
      await callApi(rollback.POST, {
        path: "/",
        key: keys.policyManager,
        params: { ...params, version: "1" },
      }),
      rollbackPolicyRoute,
    );
    expect(rolled).toEqual({ version: 3, restoredFrom: 1 });
    const got = expectOk(await callApi(current.GET, { path: "/", key: keys.viewer, params }), getPolicyRoute);
    expect(got).toMatchObject({ version: 3, document: canonical });
    const missing = await callApi(rollback.POST, {
      path: "/",
      key: keys.policyManager,
      params: { ...params, version: "99" },
    });
    expectError(missing, 404, "not_found");
  });

  it("keeps viewers read-only, other organisations out and revoked keys refused", async () => {
    const { keys, params } = await setup();
    const other = await newApiTenant();
    expectError(await publish(keys.viewer, params, { document: canonical }), 403, "forbidden");
    expectOk(await publish(keys.admin, params, { document: canonical }), publishPolicyRoute);
    expectError(
      await callApi(rollback.POST, { path: "/", key: keys.viewer, params: { ...params, version: "1" } }),
      403,
      "forbidden",
    );
    expectError(await publish(other.keys.admin, params, { document: canonical }), 404, "not_found");
    expectError(await callApi(current.GET, { path: "/", key: other.keys.admin, params }), 404, "not_found");
    expectError(
      await callApi(oneVersion.GET, {
        path: "/",
        key: other.keys.admin,
        params: { ...params, version: "1" },
      }),
      404,
      "not_found",
    );
    expectError(await callApi(current.GET, { path: "/", key: keys.revoked, params }), 401, "unauthenticated");
  });
});
