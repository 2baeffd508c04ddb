"use server";

import { signOut } from "@/auth";

/** Ends the session and returns to the login page. */
export async function logOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
