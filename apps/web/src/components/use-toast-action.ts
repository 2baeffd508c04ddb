"use client";

import { useActionState } from "react";
import { toast } from "sonner";
import type { FormState } from "@/server/form-state";

/**
 * `useActionState` that also announces the outcome as a toast: the error's message, or
 * `success(formData, state)` (nothing when it returns null). The toast is raised before the
 * page re-renders, so it shows even when the form disappears with the thing it acted on.
 */
export function useToastAction<T>(
  action: (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>,
  success: (formData: FormData, state: FormState<T>) => string | null,
  initial: FormState<T> = {},
) {
  return useActionState<FormState<T>, FormData>(async (previous, formData) => {
    const state = await action(previous, formData);
    if (state.error !== undefined) toast.error(state.error);
    else if (state.fieldErrors !== undefined && Object.keys(state.fieldErrors).length > 0) {
      toast.error(Object.values(state.fieldErrors)[0] ?? "Check the highlighted fields.");
    } else {
      const message = success(formData, state);
      if (message !== null) toast.success(message);
    }
    return state;
  }, initial);
}
