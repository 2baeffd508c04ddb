import { z } from "zod";
import { getEnv } from "@/env";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import { grantExpirySchema } from "@/server/grants/create-grant";
import { approveConsent, denyConsent } from "@/server/oauth/consent";
import { requireTenantSession } from "../[tenant]/[uid]/tenant-session";

const consentFormSchema = z.object({
  tenant: z.string().min(1),
  uid: z.string().min(1),
  decision: z.enum(["approve", "deny"]),
  label: z.string().trim().min(1, "Give the grant a label.").max(64, "Keep the label under 64 characters."),
  expiresInDays: grantExpirySchema,
});

/**
 * Approves or declines an OAuth client's request, then sends the browser back to the authorization
 * server with a plain 303: a form post, so the browser (not the client-side router) follows it.
 */
export async function POST(request: Request) {
  // A cross-site page must not be able to approve on a signed-in member's behalf.
  const expectedOrigin = new URL(getEnv().AUTH_URL ?? request.url).origin;
  if (request.headers.get("origin") !== expectedOrigin) {
    return failure(403, "This form must be sent from the Toolgate dashboard.");
  }
  const form = await request.formData();
  const parsed = consentFormSchema.safeParse({
    tenant: form.get("tenant"),
    uid: form.get("uid"),
    decision: form.get("decision"),
    label: form.get("label"),
    expiresInDays: form.get("expiresInDays") ?? "",
  });
  if (!parsed.success) return failure(400, parsed.error.issues.map((issue) => issue.message).join(" "));
  const { tenant, uid } = parsed.data;
  const ctx = await requireTenantSession(tenant, `/oauth-consent/${tenant}/${uid}`);
  if (ctx === null) return failure(403, "You are not a member of this organisation.");
  const db = getDeps().db;
  const input = parsed.data;
  try {
    const returnTo =
      input.decision === "deny"
        ? await denyConsent(db, ctx, uid)
        : await approveConsent(db, ctx, {
            tenantSlug: tenant,
            uid,
            label: input.label,
            expiresAt:
              input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000),
          });
    return new Response(null, { status: 303, headers: { location: returnTo } });
  } catch (error) {
    return failure(400, userMessage(error));
  }
}

function failure(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}
