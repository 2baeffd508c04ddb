import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { openSecret, parseSecretKeys, sealSecret } from "@toolgate/secrets";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { openServerHeaders } from "./rescan-server";
import { resealServerHeaders } from "./reseal-server-headers";

const db = testDb();
afterAll(() => db.$disconnect());

const b64 = (key: Buffer) => key.toString("base64");

async function serverWithHeaders(headers: Record<string, string>, key: Buffer) {
  const { tenantId } = await newTenant(db, "keys");
  const server = await newServerRow(db, tenantId);
  await db.server.update({
    where: { id: server.id },
    data: { headersSealed: sealSecret(JSON.stringify(headers), key) },
  });
  return server.id;
}

const sealedOf = async (id: string) =>
  (await db.server.findUniqueOrThrow({ where: { id } })).headersSealed ?? "";

describe("key rotation of stored upstream headers", () => {
  it("reads old values with the old key listed second, and re-seals them so the old key can go", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const id = await serverWithHeaders({ Authorization: "Bearer upstream-secret" }, oldKey);
    const rotating = parseSecretKeys(`${b64(newKey)},${b64(oldKey)}`);
    // Readable during the rotation, as the dashboard and gateway read it.
    expect(openServerHeaders(await sealedOf(id), rotating)).toEqual({
      Authorization: "Bearer upstream-secret",
    });
    const before = await sealedOf(id);
    expect(() => openSecret(before, parseSecretKeys(b64(newKey)))).toThrow();

    const report = await resealServerHeaders(db, rotating);
    expect(report.resealed).toBeGreaterThanOrEqual(1);
    expect(report.unreadable.filter((entry) => entry.serverId === id)).toEqual([]);
    // Now the new key alone opens it: the old one can be removed from TOOLGATE_SECRET_KEY.
    expect(openServerHeaders(await sealedOf(id), parseSecretKeys(b64(newKey)))).toEqual({
      Authorization: "Bearer upstream-secret",
    });
    // Idempotent: a value already under the current key is left as it is.
    const resealed = await sealedOf(id);
    await resealServerHeaders(db, rotating);
    expect(await sealedOf(id)).toBe(resealed);
  });

  it("the reseal-secrets command does it and reports values no listed key opens", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const lostKey = randomBytes(32);
    const id = await serverWithHeaders({ "X-Api-Key": "k1" }, oldKey);
    const lost = await serverWithHeaders({ "X-Api-Key": "k2" }, lostKey);
    const script = fileURLToPath(new URL("../../../scripts/reseal-secrets.ts", import.meta.url));
    const result = spawnSync(process.execPath, ["--import", "tsx", script], {
      encoding: "utf8",
      env: { ...process.env, TOOLGATE_SECRET_KEY: `${b64(newKey)},${b64(oldKey)}` },
      timeout: 60_000,
    });
    expect(result.stdout).toMatch(/re-sealed with the current key/);
    expect(result.stderr).toContain(lost);
    expect(result.status).toBe(1);
    expect(openServerHeaders(await sealedOf(id), parseSecretKeys(b64(newKey)))).toEqual({
      "X-Api-Key": "k1",
    });
    // Cleanup: the unreadable row would fail other runs' commands against this shared database.
    await db.server.update({ where: { id: lost }, data: { headersSealed: null } });
  });
});
