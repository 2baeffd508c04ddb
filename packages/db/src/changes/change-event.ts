import { z } from "zod";

/** The channel every change notification is sent on. */
export const CHANGE_CHANNEL = "toolgate_changes";

export const changeEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("policy"), tenantId: z.string(), serverId: z.string() }),
  z.object({ kind: z.literal("server"), tenantId: z.string(), serverId: z.string() }),
  z.object({ kind: z.literal("grant"), tenantId: z.string(), grantId: z.string(), tokenHash: z.string() }),
  z.object({ kind: z.literal("tenant"), tenantId: z.string() }),
  // A reviewer decided an approval request; gateways holding the call re-read it.
  z.object({ kind: z.literal("approval"), tenantId: z.string(), approvalId: z.string() }),
]);

/** Something cached by the gateway changed; subscribers drop what the event names. */
export type ChangeEvent = z.infer<typeof changeEventSchema>;
