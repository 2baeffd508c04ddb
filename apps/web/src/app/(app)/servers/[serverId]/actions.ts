"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { PolicyFormState } from "@/server/policies/policy-form-state";
import { publishPolicy } from "@/server/policies/publish-policy";
import { validatePolicy } from "@/server/policies/validate-policy";
import { requireSession } from "@/server/session";

const policyFormSchema = z.object({
  intent: z.enum(["validate", "publish"]),
  serverId: z.string().min(1),
  documentText: z.string().max(1_000_000),
  baseVersion: z.preprocess(
    (value) => (value === "" || value === null ? null : Number(value)),
    z.number().int().positive().nullable(),
  ),
});

/** Validates, or validates and publishes, the policy JSON from the editor. */
export async function policyAction(previous: PolicyFormState, formData: FormData): Promise<PolicyFormState> {
  const session = await requireSession();
  const parsed = policyFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { ...previous, error: "The form was incomplete. Reload the page and try again." };
  const { intent, serverId, documentText, baseVersion } = parsed.data;
  if (intent === "validate") {
    const check = validatePolicy(documentText);
    return check.ok
      ? { currentVersion: previous.currentVersion, notice: "The policy is valid." }
      : { currentVersion: previous.currentVersion, issues: check.issues };
  }
  try {
    const result = await publishPolicy(getDeps().db, session.ctx, { serverId, documentText, baseVersion });
    if (!result.ok) return { currentVersion: previous.currentVersion, issues: result.issues };
    revalidatePath(`/servers/${serverId}`);
    return { currentVersion: result.version, notice: `Published version ${result.version}.` };
  } catch (error) {
    return { currentVersion: previous.currentVersion, error: userMessage(error) };
  }
}
