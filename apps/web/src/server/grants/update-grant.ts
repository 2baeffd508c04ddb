import {
  type DbClient,
  GrantServerBoundError,
  inTransaction,
  recordAudit,
  updateGrant as updateGrantRow,
} from "@toolgate/db";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { grantLabelSchema } from "./create-grant";
import { grantServersSchema, resolveGrantServers } from "./grant-servers";
import { toGrantView } from "./grant-view";

export const updateGrantInputSchema = z
  .object({
    label: grantLabelSchema.optional(),
    servers: grantServersSchema.nullable().optional().meta({
      description: "The servers (ids or slugs) the grant may use; null: every server of the organisation.",
    }),
  })
  .refine(
    (input) => input.label !== undefined || input.servers !== undefined,
    "Give a label or servers to change.",
  );

export type UpdateGrantInput = z.infer<typeof updateGrantInputSchema>;

/** Renames a grant or changes the servers it may use; gateways apply it from the agent's next request. */
export async function updateGrant(
  db: DbClient,
  ctx: SessionContext,
  grantId: string,
  input: UpdateGrantInput,
) {
  assertCan(ctx, "manage_grants");
  // The change and its audit event commit together (or neither does).
  const after = await inTransaction(db, async (tx) => {
    const before = await tx.grant.findFirst({
      where: { id: grantId, tenantId: ctx.tenantId },
      include: { servers: { select: { serverId: true } } },
    });
    if (before === null) throw new AppError("not_found", "Grant not found.");
    const servers =
      input.servers === undefined || input.servers === null
        ? input.servers
        : await resolveGrantServers(tx, ctx.tenantId, input.servers);
    const after = await updateGrantRow(tx, ctx.tenantId, grantId, {
      ...(input.label === undefined ? {} : { label: input.label }),
      ...(servers === undefined ? {} : { subsetServerIds: servers }),
    }).catch((error: unknown) => {
      if (error instanceof GrantServerBoundError) {
        throw new AppError(
          "conflict",
          "This grant is bound to one server; only a grant for every server can be restricted to a list of servers. Create a new grant instead.",
          { cause: error },
        );
      }
      throw error;
    });
    if (after === null) throw new AppError("not_found", "Grant not found.");
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "grant.updated",
      targetType: "grant",
      targetId: grantId,
      data: {
        label: after.label,
        ...(input.label === undefined ? {} : { previousLabel: before.label }),
        ...(servers === undefined
          ? {}
          : {
              servers: after.subsetServerIds,
              previousServers: before.serverSubset ? before.servers.map((s) => s.serverId) : null,
            }),
      },
    });
    return after;
  });
  return toGrantView(after, new Date());
}
