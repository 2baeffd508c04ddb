"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { PublishOutcome, ReplayOutcome } from "@/components/builder/server-actions";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import { builderHistory } from "@/server/policies/builder-history";
import { publishPolicy, publishPolicyInputSchema } from "@/server/policies/publish-policy";
import { replayInputSchema, replayPolicy } from "@/server/policies/replay-policy";
import { rollbackPolicy } from "@/server/policies/rollback-policy";
import { requireSession } from "@/server/session";

const INCOMPLETE = "The request was incomplete. Reload the page and try again.";

/** Publishes the builder's draft as a new version, checked against the version it started from. */
export async function publishDraftAction(input: unknown): Promise<PublishOutcome> {
  const session = await requireSession();
  const parsed = publishPolicyInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: INCOMPLETE };
  try {
    const db = getDeps().db;
    const result = await publishPolicy(db, session.ctx, parsed.data);
    if (!result.ok) return { ok: false, issues: result.issues };
    revalidatePath(`/servers/${parsed.data.serverId}`);
    return {
      ok: true,
      version: result.version,
      history: await builderHistory(db, session.ctx, parsed.data.serverId),
    };
  } catch (error) {
    return { ok: false, error: userMessage(error) };
  }
}

const rollbackInputSchema = z.object({
  serverId: z.string().min(1),
  version: z.number().int().positive(),
  baseVersion: z.number().int().positive().nullable(),
});

/** Publishes an old version anew; the builder then shows it as the saved draft. */
export async function rollbackAction(input: unknown): Promise<PublishOutcome> {
  const session = await requireSession();
  const parsed = rollbackInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: INCOMPLETE };
  const { serverId, version, baseVersion } = parsed.data;
  try {
    const db = getDeps().db;
    const result = await rollbackPolicy(db, session.ctx, serverId, { version, baseVersion });
    revalidatePath(`/servers/${serverId}`);
    return { ok: true, version: result.version, history: await builderHistory(db, session.ctx, serverId) };
  } catch (error) {
    return { ok: false, error: userMessage(error) };
  }
}

/** Replays the draft against the server's recent calls. */
export async function replayAction(input: unknown): Promise<ReplayOutcome> {
  const session = await requireSession();
  const parsed = replayInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: INCOMPLETE };
  try {
    return await replayPolicy(getDeps().db, session.ctx, parsed.data);
  } catch (error) {
    return { ok: false, error: userMessage(error) };
  }
}
