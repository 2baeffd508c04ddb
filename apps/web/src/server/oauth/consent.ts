import {
  createGrant as createGrantRow,
  type Db,
  type DbClient,
  deleteOAuthRecord,
  findOAuthRecord,
  findServerBySlugs,
  getCurrentPolicy,
  type Prisma,
  upsertOAuthRecord,
  withAudit,
} from "@toolgate/db";
import { generateToken, hashToken } from "@toolgate/secrets";
import {
  CONSENT_REQUEST_KIND,
  type ConsentRequest,
  consentRequestSchema,
} from "../../oauth-server/consent-request";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { summarizePolicy } from "./summarize-policy";

const INTERACTION_KIND = "Interaction";

export type ConsentView = ConsentRequest & { serverName: string; policySummary: string[] };

/** The pending authorization request with this uid, as the consent screen shows it; null once used or expired. */
export async function loadConsent(
  db: Db,
  ctx: SessionContext,
  tenantSlug: string,
  uid: string,
): Promise<ConsentView | null> {
  assertCan(ctx, "manage_grants");
  const request = await findConsentRequest(db, ctx.tenantId, uid);
  if (request === null) return null;
  const server = await findServerBySlugs(db, tenantSlug, request.serverSlug);
  if (server === null || server.tenantId !== ctx.tenantId) return null;
  const policy = await getCurrentPolicy(db, ctx.tenantId, server.id);
  return { ...request, serverName: server.name, policySummary: summarizePolicy(policy?.document ?? null) };
}

/**
 * Approves the request: creates the grant its tokens will be (label, expiry and the OAuth client
 * recorded), writes the result into the waiting authorization, and returns where the browser resumes.
 */
export async function approveConsent(
  db: Db,
  ctx: SessionContext,
  input: { tenantSlug: string; uid: string; label: string; expiresAt: Date | null },
): Promise<string> {
  assertCan(ctx, "manage_grants");
  const request = await findConsentRequest(db, ctx.tenantId, input.uid);
  if (request === null)
    throw new AppError("not_found", "This sign-in request has expired; start again from the client.");
  const server = await findServerBySlugs(db, input.tenantSlug, request.serverSlug);
  if (server === null || server.tenantId !== ctx.tenantId)
    throw new AppError("not_found", "Server not found.");
  const grant = await withAudit(
    db,
    ctx.tenantId,
    (tx) =>
      createGrantRow(tx, ctx.tenantId, {
        label: input.label,
        // The grant is used through OAuth tokens only; this token is never shown to anyone.
        tokenHash: hashToken(generateToken("grt")),
        tokenPrefix: "oauth",
        serverId: server.id,
        expiresAt: input.expiresAt,
        createdById: ctx.userId,
        oauthClient: { id: request.clientId, name: request.clientName },
      }),
    (created) => ({
      actorUserId: ctx.userId,
      action: "grant.created",
      targetType: "grant",
      targetId: created.id,
      data: {
        label: created.label,
        serverId: created.serverId,
        expiresAt: created.expiresAt?.toISOString() ?? null,
        oauth: {
          clientId: request.clientId,
          clientName: request.clientName,
          redirectHost: request.redirectHost,
          verified: request.verified,
        },
      },
    }),
  );
  await finishInteraction(db, ctx.tenantId, input.uid, {
    login: { accountId: ctx.userId, remember: false },
    consent: {},
    toolgate: { grantId: grant.id, resource: request.resource },
  });
  return request.returnTo;
}

/** Declines the request: the client receives access_denied. */
export async function denyConsent(db: Db, ctx: SessionContext, uid: string): Promise<string> {
  assertCan(ctx, "manage_grants");
  const request = await findConsentRequest(db, ctx.tenantId, uid);
  if (request === null)
    throw new AppError("not_found", "This sign-in request has expired; start again from the client.");
  await withAudit(
    db,
    ctx.tenantId,
    (tx) =>
      finishInteraction(tx, ctx.tenantId, uid, {
        error: "access_denied",
        error_description: "The request was declined.",
      }),
    () => ({
      actorUserId: ctx.userId,
      action: "oauth.consent_denied",
      targetType: "oauth_client",
      targetId: request.clientId,
      data: { serverSlug: request.serverSlug },
    }),
  );
  return request.returnTo;
}

async function findConsentRequest(db: Db, tenantId: string, uid: string): Promise<ConsentRequest | null> {
  const payload = await findOAuthRecord(db, { tenantId, kind: CONSENT_REQUEST_KIND, id: uid }, new Date());
  const parsed = consentRequestSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

// What oidc-provider's interactionResult does, done on its storage: the authorization server
// runs in its own process, and the browser's resume cookie still binds the result to this browser.
async function finishInteraction(
  db: DbClient,
  tenantId: string,
  uid: string,
  result: Prisma.InputJsonObject,
) {
  const key = { tenantId, kind: INTERACTION_KIND, id: uid };
  const interaction = await findOAuthRecord(db, key, new Date());
  if (interaction === null)
    throw new AppError("not_found", "This sign-in request has expired; start again from the client.");
  const exp = typeof interaction.exp === "number" ? interaction.exp * 1000 : Date.now() + 60_000;
  await upsertOAuthRecord(db, key, {
    payload: { ...(interaction as Prisma.InputJsonObject), result },
    uid: typeof interaction.uid === "string" ? interaction.uid : undefined,
    expiresAt: new Date(exp),
  });
  // One decision per request: the consent screen cannot be replayed.
  await deleteOAuthRecord(db, { tenantId, kind: CONSENT_REQUEST_KIND, id: uid });
}
