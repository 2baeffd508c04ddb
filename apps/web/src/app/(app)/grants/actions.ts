"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { type ConfigSnippets, configSnippets } from "@/server/grants/config-snippets";
import { createGrant, createGrantInputSchema, grantExpirySchema } from "@/server/grants/create-grant";
import { revokeGrant } from "@/server/grants/revoke-grant";
import { rotateGrant } from "@/server/grants/rotate-grant";
import { gatewayUrlFor, tenantGatewayUrlFor } from "@/server/servers/gateway-url";
import { listServers } from "@/server/servers/list-servers";
import { requireSession } from "@/server/session";
import { fieldErrorsFrom } from "@/server/zod-issues";

export type CreatedGrant = {
  label: string;
  token: string;
  /** The tenant URL, offered first: every server the grant may use behind one endpoint. */
  gatewayUrl: string;
  /** The per-server URL of a grant bound to one server (null for an all-servers grant). */
  serverUrl: string | null;
  snippets: ConfigSnippets;
};

/** Creates a grant and hands its token to the form, the only time it is ever shown. */
export async function createGrantAction(
  _previous: FormState<CreatedGrant>,
  formData: FormData,
): Promise<FormState<CreatedGrant>> {
  const session = await requireSession();
  const serverField = formData.get("serverId");
  const some = serverField === "some";
  const parsed = createGrantInputSchema.safeParse({
    label: formData.get("label"),
    serverId: serverField === "" || serverField === null || some ? null : serverField,
    ...(some ? { servers: formData.getAll("servers").map(String) } : {}),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const expiry = grantExpirySchema.safeParse(formData.get("expiresInDays") ?? "");
  if (!expiry.success) return { fieldErrors: { expiresInDays: "Choose when the grant expires." } };
  const expiresAt = expiry.data === null ? null : new Date(Date.now() + expiry.data * 86_400_000);
  try {
    const { grant, token } = await createGrant(getDeps().db, session.ctx, { ...parsed.data, expiresAt });
    revalidatePath("/grants");
    return { result: await issuedGrant(session, grant, token) };
  } catch (error) {
    return { error: userMessage(error) };
  }
}

type Session = Awaited<ReturnType<typeof requireSession>>;

// The snippets use the tenant URL, which serves every server of the grant (one, or all).
async function issuedGrant(
  session: Session,
  grant: { label: string; serverId: string | null },
  token: string,
): Promise<CreatedGrant> {
  const deps = getDeps();
  const servers = await listServers(deps.db, session.ctx);
  const server = servers.find((candidate) => candidate.id === grant.serverId);
  const gatewayUrl = tenantGatewayUrlFor(deps.gatewayUrl, session.tenant.slug);
  return {
    label: grant.label,
    token,
    gatewayUrl,
    serverUrl: server === undefined ? null : gatewayUrlFor(deps.gatewayUrl, session.tenant.slug, server.slug),
    snippets: configSnippets({ gatewayUrl, token, serverName: `toolgate-${session.tenant.slug}` }),
  };
}

const rotateSchema = z.object({ grantId: z.string().min(1).max(100) });

/** Replaces a grant's token (the old one stops working) and shows the new token once. */
export async function rotateGrantAction(
  _previous: FormState<CreatedGrant>,
  formData: FormData,
): Promise<FormState<CreatedGrant>> {
  const session = await requireSession();
  const parsed = rotateSchema.safeParse({ grantId: formData.get("grantId") });
  if (!parsed.success) return { error: "Choose a grant to rotate." };
  try {
    const { grant, token } = await rotateGrant(getDeps().db, session.ctx, parsed.data.grantId);
    revalidatePath("/grants");
    return { result: await issuedGrant(session, grant, token) };
  } catch (error) {
    return { error: userMessage(error) };
  }
}

const revokeSchema = z.object({ grantId: z.string().min(1).max(100) });

/** Revokes one grant of the signed-in tenant. */
export async function revokeGrantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = revokeSchema.safeParse({ grantId: formData.get("grantId") });
  if (!parsed.success) return { error: "Choose a grant to revoke." };
  try {
    await revokeGrant(getDeps().db, session.ctx, parsed.data.grantId);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath("/grants");
  return {};
}
