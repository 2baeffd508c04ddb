"use server";

import { revalidatePath } from "next/cache";
import { decideApprovalFromForm } from "@/server/approvals/decide-approval-form";
import type { FormState } from "@/server/form-state";

/** Approves or denies one held call from the inbox. */
export async function decideApprovalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { state, decidedId } = await decideApprovalFromForm(formData);
  if (decidedId !== undefined) revalidatePath("/approvals");
  return state;
}
