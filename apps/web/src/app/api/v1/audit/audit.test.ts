import { describe, expect, it } from "vitest";
import { listAuditRoute } from "@/server/api/routes/audit-routes";
import { createGrantRoute } from "@/server/api/routes/grant-routes";
import { callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import * as grants from "../grants/route";
import * as audit from "./route";

describe("/audit", () => {
  it("lists admin actions newest first, naming the API key that acted", async () => {
    const { keys } = await newApiTenant();
    const { grant } = expectOk(
      await callApi(grants.POST, { path: "/grants", key: keys.admin, body: { label: "ci" } }),
      createGrantRoute,
    );
    const { events } = expectOk(
      await callApi(audit.GET, { path: "/audit?limit=2", key: keys.admin }),
      listAuditRoute,
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      action: "grant.created",
      targetId: grant.id,
      actorUserId: expect.stringMatching(/^key_/),
    });
    expect(events[1]?.action).toBe("api_key.revoked");
  });

  it("is for admins only, like the dashboard's audit page", async () => {
    const { keys } = await newApiTenant();
    expectError(await callApi(audit.GET, { path: "/audit", key: keys.viewer }), 403, "forbidden");
    expectError(await callApi(audit.GET, { path: "/audit", key: keys.policyManager }), 403, "forbidden");
  });

  it("validates the limit, hides other organisations' events and refuses revoked keys", async () => {
    const { keys } = await newApiTenant();
    const other = await newApiTenant();
    expect(
      expectError(
        await callApi(audit.GET, { path: "/audit?limit=0", key: keys.admin }),
        400,
        "invalid_input",
      ).map((issue) => issue.path),
    ).toEqual(["/limit"]);
    expectOk(
      await callApi(grants.POST, { path: "/grants", key: keys.admin, body: { label: "mine" } }),
      createGrantRoute,
    );
    const theirs = expectOk(
      await callApi(audit.GET, { path: "/audit", key: other.keys.admin }),
      listAuditRoute,
    );
    expect(theirs.events.map((event) => event.action)).not.toContain("grant.created");
    expectError(await callApi(audit.GET, { path: "/audit", key: keys.revoked }), 401, "unauthenticated");
  });
});
