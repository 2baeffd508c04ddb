import { z } from "zod";
import { decideApproval, decideApprovalInputSchema } from "@/server/approvals/decide-approval";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { requireSession } from "@/server/session";

const decideFormSchema = decideApprovalInputSchema.extend({ approvalId: z.string().min(1).max(100) });

/**
 * Decides the held call a decide form names (approvalId, decision, optional reason) as the signed-in
 * member; the gateway holding it is notified by the service. Returns the form's state and, when the
 * decision was recorded, the approval's id (for the caller to revalidate its pages).
 */
export async function decideApprovalFromForm(
  formData: FormData,
): Promise<{ state: FormState; decidedId?: string }> {
  const session = await requireSession();
  const reason = formData.get("reason");
  const parsed = decideFormSchema.safeParse({
    approvalId: formData.get("approvalId"),
    decision: formData.get("decision"),
    reason: typeof reason === "string" && reason.trim() !== "" ? reason : undefined,
  });
  if (!parsed.success)
    return { state: { error: "Choose Approve or Deny (a reason is at most 500 characters)." } };
  const { approvalId, ...input } = parsed.data;
  try {
    await decideApproval(getDeps().db, session.ctx, approvalId, input);
  } catch (error) {
    return { state: { error: userMessage(error) } };
  }
  return { state: {}, decidedId: approvalId };
}
