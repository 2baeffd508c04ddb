"use server";

import { revalidatePath } from "next/cache";
import { decideApprovalFromForm } from "@/server/approvals/decide-approval-form";
import type { FormState } from "@/server/form-state";

/** Decides the one approval this page shows, then shows it decided. */
export async function decideOneApprovalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { state, decidedId } = await decideApprovalFromForm(formData);
  if (decidedId !== undefined) {
    revalidatePath(`/approvals/${decidedId}`);
    revalidatePath("/approvals");
  }
  return state;
}
