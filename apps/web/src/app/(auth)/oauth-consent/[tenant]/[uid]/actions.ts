"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDeps } from "@/server/deps";
import { grantExpirySchema } from "@/server/grants/create-grant";
import { approveConsent, denyConsent } from "@/server/oauth/consent";
import { requireTenantSession } from "./tenant-session";

const consentFormSchema = z.object({
  tenant: z.string().min(1),
  uid: z.string().min(1),
  decision: z.enum(["approve", "deny"]),
  label: z.string().trim().min(1, "Give the grant a label.").max(64, "Keep the label under 64 characters."),
  expiresInDays: grantExpirySchema,
});

/** Approves or declines an OAuth client's request, then hands the browser back to the authorization server. */
export async function decideConsentAction(formData: FormData): Promise<void> {
  const input = consentFormSchema.parse({
    tenant: formData.get("tenant"),
    uid: formData.get("uid"),
    decision: formData.get("decision"),
    label: formData.get("label"),
    expiresInDays: formData.get("expiresInDays") ?? "",
  });
  const ctx = await requireTenantSession(input.tenant, `/oauth-consent/${input.tenant}/${input.uid}`);
  if (ctx === null) throw new Error("You are not a member of this organisation.");
  const db = getDeps().db;
  const returnTo =
    input.decision === "deny"
      ? await denyConsent(db, ctx, input.uid)
      : await approveConsent(db, ctx, {
          tenantSlug: input.tenant,
          uid: input.uid,
          label: input.label,
          expiresAt:
            input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000),
        });
  redirect(returnTo);
}
