import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { openSecret, parseSecretKeys, sealSecret } from "@toolgate/secrets";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { openServerHeaders } from "../servers/rescan-server";
import { resealStoredSecrets } from "./reseal-stored-secrets";

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

async function webhookWithSecret(secret: string, key: Buffer) {
  const { tenantId } = await newTenant(db, "hooks");
  const endpoint = await db.webhookEndpoint.create({
    data: {
      id: `whk_${randomBytes(8).toString("hex")}`,
      tenantId,
      url: "https://hooks.example.com/toolgate",
      events: ["call.denied"],
      secretSealed: sealSecret(secret, key),
    },
  });
  return endpoint.id;
}

const webhookSecretOf = async (id: string) =>
  (await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secretSealed;

describe("key rotation of stored secrets", () => {
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

    const report = (await resealStoredSecrets(db, rotating)).serverHeaders;
    expect(report.resealed).toBeGreaterThanOrEqual(1);
    expect(report.unreadable.filter((entry) => entry.id === id)).toEqual([]);
    // Now the new key alone opens it: the old one can be removed from TOOLGATE_SECRET_KEY.
    expect(openServerHeaders(await sealedOf(id), parseSecretKeys(b64(newKey)))).toEqual({
      Authorization: "Bearer upstream-secret",
    });
    // Idempotent: a value already under the current key is left as it is.
    const resealed = await sealedOf(id);
    await resealStoredSecrets(db, rotating);
    expect(await sealedOf(id)).toBe(resealed);
  });

  it("re-seals webhook signing secrets too, so the webhook worker signs with the new key alone", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const id = await webhookWithSecret("whsec_signing", oldKey);
    const rotating = parseSecretKeys(`${b64(newKey)},${b64(oldKey)}`);
    const before = await webhookSecretOf(id);
    expect(() => openSecret(before, parseSecretKeys(b64(newKey)))).toThrow();

    const report = (await resealStoredSecrets(db, rotating)).webhookSecrets;
    expect(report.resealed).toBeGreaterThanOrEqual(1);
    expect(report.unreadable.filter((entry) => entry.id === id)).toEqual([]);
    expect(openSecret(await webhookSecretOf(id), parseSecretKeys(b64(newKey)))).toBe("whsec_signing");
  });

  it("the reseal-secrets command does it and reports values no listed key opens", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const lostKey = randomBytes(32);
    const id = await serverWithHeaders({ "X-Api-Key": "k1" }, oldKey);
    const lost = await serverWithHeaders({ "X-Api-Key": "k2" }, lostKey);
    const hook = await webhookWithSecret("whsec_k3", oldKey);
    const lostHook = await webhookWithSecret("whsec_k4", lostKey);
    const script = fileURLToPath(new URL("../../../scripts/reseal-secrets.ts", import.meta.url));
    const result = spawnSync(process.execPath, ["--import", "tsx", script], {
      encoding: "utf8",
      env: { ...process.env, TOOLGATE_SECRET_KEY: `${b64(newKey)},${b64(oldKey)}` },
      timeout: 60_000,
    });
    expect(result.stdout).toMatch(/Server headers: \d+ sealed, \d+ re-sealed with the current key/);
    expect(result.stdout).toMatch(/Webhook secrets: \d+ sealed, \d+ re-sealed with the current key/);
    expect(result.stderr).toContain(lost);
    expect(result.stderr).toContain(lostHook);
    expect(result.status).toBe(1);
    expect(openServerHeaders(await sealedOf(id), parseSecretKeys(b64(newKey)))).toEqual({
      "X-Api-Key": "k1",
    });
    expect(openSecret(await webhookSecretOf(hook), parseSecretKeys(b64(newKey)))).toBe("whsec_k3");
    // Cleanup: the unreadable rows would fail other runs' commands against this shared database.
    await db.server.update({ where: { id: lost }, data: { headersSealed: null } });
    await db.webhookEndpoint.delete({ where: { id: lostHook } });
  });
});
