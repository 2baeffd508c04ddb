import {
  createGrant as createGrantRow,
  type DbClient,
  getServer,
  inTransaction,
  recordAudit,
} from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { webhookEvent } from "@toolgate/webhooks";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { publishEvent } from "../webhooks/publish-event";
import { grantServersSchema, resolveGrantServers } from "./grant-servers";
import { toGrantView } from "./grant-view";

export const grantLabelSchema = z
  .string()
  .trim()
  .min(1, "Give the grant a label, such as alice-laptop.")
  .max(64, "Keep the label under 64 characters.");

export const createGrantFieldsSchema = z.object({
  label: grantLabelSchema,
  // Null, with no servers: the grant works for every server of the organisation.
  serverId: z.string().min(1).nullable(),
  servers: grantServersSchema.optional().meta({
    description:
      "Restricts a grant for every server to these servers (ids or slugs): the tenant URL shows only them and their own URLs accept the token. Not with serverId.",
  }),
});

/** A grant is bound to one server or restricted to a list, not both. */
export function oneServerOrSubset(input: {
  serverId: string | null;
  servers?: string[] | undefined;
}): boolean {
  return input.serverId === null || input.servers === undefined;
}

export const oneServerOrSubsetIssue = {
  message: "Give either serverId (one server) or servers (a list of servers), not both.",
  path: ["servers"],
};

export const createGrantInputSchema = createGrantFieldsSchema.refine(
  oneServerOrSubset,
  oneServerOrSubsetIssue,
);

// Kept out of createGrantInputSchema so the REST body (JSON, no Date) is unchanged.
export type CreateGrantInput = z.infer<typeof createGrantInputSchema> & { expiresAt?: Date | null };

/** The dashboard's expiry choice: a number of days from now, or never (""). */
export const grantExpirySchema = z.union([
  z.literal("").transform(() => null),
  z.coerce.number().int().min(1, "Choose a day or more.").max(3650, "At most 10 years."),
]);

/**
 * Creates a grant and returns its bearer token. Only the token's hash is stored, so this
 * is the one and only time the token exists outside the agent that receives it.
 */
export async function createGrant(db: DbClient, ctx: SessionContext, input: CreateGrantInput) {
  assertCan(ctx, "manage_grants");
  // The change and its audit event commit together (or neither does).
  const { grant, token } = await inTransaction(db, async (tx) => {
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && expiresAt.getTime() <= Date.now()) {
      throw new AppError("invalid_input", "Choose an expiry in the future.");
    }
    if (input.serverId !== null && (await getServer(tx, ctx.tenantId, input.serverId)) === null) {
      throw new AppError("not_found", "Server not found.");
    }
    const subsetServerIds =
      input.servers === undefined ? null : await resolveGrantServers(tx, ctx.tenantId, input.servers);
    const token = generateToken("grt");
    const grant = await createGrantRow(tx, ctx.tenantId, {
      label: input.label,
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
      serverId: input.serverId,
      subsetServerIds,
      expiresAt,
      createdById: ctx.userId,
    });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "grant.created",
      targetType: "grant",
      targetId: grant.id,
      data: {
        label: grant.label,
        serverId: grant.serverId,
        servers: grant.subsetServerIds,
        expiresAt: grant.expiresAt?.toISOString() ?? null,
      },
    });
    return { grant, token };
  });
  // Only once the grant has committed: a webhook never announces a change that was rolled back.
  publishEvent(
    ctx.tenantId,
    webhookEvent("grant.created", {
      grantId: grant.id,
      label: grant.label,
      serverId: grant.serverId,
      tokenPrefix: grant.tokenPrefix,
      expiresAt: grant.expiresAt?.toISOString() ?? null,
      createdById: ctx.userId,
    }),
  );
  return { grant: toGrantView(grant, new Date()), token };
}
