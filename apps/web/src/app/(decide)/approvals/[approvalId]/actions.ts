"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideApproval, decideApprovalInputSchema } from "@/server/approvals/decide-approval";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { requireSession } from "@/server/session";

const decideFormSchema = decideApprovalInputSchema.extend({ approvalId: z.string().min(1).max(100) });

/** Decides the one approval this page shows, then shows it decided. */
export async function decideOneApprovalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const reason = formData.get("reason");
  const parsed = decideFormSchema.safeParse({
    approvalId: formData.get("approvalId"),
    decision: formData.get("decision"),
    reason: typeof reason === "string" && reason.trim() !== "" ? reason : undefined,
  });
  if (!parsed.success) return { error: "Choose Approve or Deny (a reason is at most 500 characters)." };
  const { approvalId, ...input } = parsed.data;
  try {
    await decideApproval(getDeps().db, session.ctx, approvalId, input);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath(`/approvals/${approvalId}`);
  revalidatePath("/approvals");
  return {};
}
