import { describe, expect, it } from "vitest";
import * as servers from "../../app/api/v1/servers/route";
import { listServersRoute } from "./routes/server-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "./test-support/api-test-kit";

describe("API key authentication", () => {
  it("refuses a request without a key, with an unknown key or with a revoked key", async () => {
    const { keys } = await newApiTenant();
    for (const key of [null, "tg_key_not-a-real-key", keys.revoked]) {
      expectError(await callApi(servers.GET, { path: "/servers", key }), 401, "unauthenticated");
    }
  });

  it("scopes a valid key to its own organisation and records when it was used", async () => {
    const { keys, tenantId } = await newApiTenant();
    expectOk(await callApi(servers.GET, { path: "/servers", key: keys.viewer }), listServersRoute);
    await expect
      .poll(async () => {
        const row = await apiDb().apiKey.findFirst({ where: { tenantId, label: "viewer-key" } });
        return row?.lastUsedAt ?? null;
      })
      .toBeInstanceOf(Date);
  });
});
