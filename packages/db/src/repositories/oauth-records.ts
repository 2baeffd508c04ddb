import { createHash } from "node:crypto";
import type { Db } from "../create-db";
import type { Prisma } from "../generated/prisma/client";
import type { DbClient } from "../transaction";

/** One stored object of the OAuth server (a client, code, refresh token, session, interaction…). */
export type OAuthRecordKey = { tenantId: string; kind: string; id: string };

const digest = (value: string): string => createHash("sha256").update(value).digest("base64url");
// The kind is part of the hashed key, so one kind's id can never load an object of another kind.
const rowId = (key: OAuthRecordKey): string => digest(`${key.tenantId}:${key.kind}:${key.id}`);

/** Stores or replaces an OAuth object; ids and uids are kept only as hashes. */
export async function upsertOAuthRecord(
  db: DbClient,
  key: OAuthRecordKey,
  input: { payload: Prisma.InputJsonObject; grantId?: string; uid?: string; expiresAt: Date | null },
): Promise<void> {
  const data = {
    payload: input.payload,
    grantId: input.grantId ?? null,
    uidHash: input.uid === undefined ? null : digest(`${key.tenantId}:${key.kind}:uid:${input.uid}`),
    expiresAt: input.expiresAt,
  };
  await db.oAuthRecord.upsert({
    where: { id: rowId(key) },
    create: { id: rowId(key), tenantId: key.tenantId, kind: key.kind, ...data },
    update: data,
  });
}

/** The stored payload (with `consumed` when it was used), or null when unknown or expired. */
export async function findOAuthRecord(
  db: DbClient,
  key: OAuthRecordKey,
  now: Date,
): Promise<Prisma.JsonObject | null> {
  const row = await db.oAuthRecord.findUnique({ where: { id: rowId(key) } });
  return row === null ? null : livePayload(row, now);
}

/** The payload of the object with this uid (interactions and sessions), or null. */
export async function findOAuthRecordByUid(
  db: Db,
  key: OAuthRecordKey,
  now: Date,
): Promise<Prisma.JsonObject | null> {
  const row = await db.oAuthRecord.findFirst({
    where: {
      tenantId: key.tenantId,
      kind: key.kind,
      uidHash: digest(`${key.tenantId}:${key.kind}:uid:${key.id}`),
    },
  });
  return row === null ? null : livePayload(row, now);
}

/**
 * Marks a code or token used; returns false when it already was, so a replayed code is caught
 * even when two requests race.
 */
export async function consumeOAuthRecord(db: Db, key: OAuthRecordKey, at: Date): Promise<boolean> {
  const result = await db.oAuthRecord.updateMany({
    where: { id: rowId(key), consumedAt: null },
    data: { consumedAt: at },
  });
  return result.count === 1;
}

export async function deleteOAuthRecord(db: DbClient, key: OAuthRecordKey): Promise<void> {
  await db.oAuthRecord.deleteMany({ where: { id: rowId(key) } });
}

/** Deletes every code and token issued under one OAuth grant of the tenant. */
export async function deleteOAuthRecordsOfGrant(
  db: DbClient,
  tenantId: string,
  grantId: string,
): Promise<void> {
  await db.oAuthRecord.deleteMany({ where: { tenantId, grantId } });
}

function livePayload(
  row: { payload: Prisma.JsonValue; consumedAt: Date | null; expiresAt: Date | null },
  now: Date,
): Prisma.JsonObject | null {
  if (row.expiresAt !== null && row.expiresAt <= now) return null;
  const payload = row.payload;
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return null;
  return row.consumedAt === null
    ? payload
    : { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) };
}
