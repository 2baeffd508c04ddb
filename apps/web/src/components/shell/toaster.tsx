"use client";

import { Toaster as Sonner } from "sonner";

/** Where every action's outcome is announced (success or the error's message). */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton duration={5000} />;
}
