"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getEnv } from "@/env";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import {
  createInvite,
  createInviteInputSchema,
  inviteLink,
  roleSchema,
} from "@/server/invites/create-invite";
import { revokeInvite } from "@/server/invites/revoke-invite";
import { changeMemberRole } from "@/server/members/change-member-role";
import { removeMember } from "@/server/members/remove-member";
import { requireSession } from "@/server/session";
import { fieldErrorsFrom } from "@/server/zod-issues";

export type CreatedInvite = { link: string; role: string; expiresAt: string };

// The link points at the dashboard the admin is using (AUTH_URL when set, else this request's origin).
async function dashboardOrigin(): Promise<string> {
  const configured = getEnv().AUTH_URL;
  if (configured !== undefined) return new URL(configured).origin;
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost:3000";
  const proto = incoming.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

/** Creates an invite link for a role; the link is shown once. */
export async function createInviteAction(
  _previous: FormState<CreatedInvite>,
  formData: FormData,
): Promise<FormState<CreatedInvite>> {
  const session = await requireSession();
  const parsed = createInviteInputSchema.safeParse({
    role: formData.get("role"),
    expiresInDays: formData.get("expiresInDays") ?? undefined,
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  try {
    const { invite, token } = await createInvite(getDeps().db, session.ctx, parsed.data);
    revalidatePath("/members");
    return {
      result: {
        link: inviteLink(await dashboardOrigin(), token),
        role: invite.role,
        expiresAt: invite.expiresAt.toISOString(),
      },
    };
  } catch (error) {
    return { error: userMessage(error) };
  }
}

const inviteIdSchema = z.object({ inviteId: z.string().min(1).max(100) });

/** Withdraws an open invite. */
export async function revokeInviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = inviteIdSchema.safeParse({ inviteId: formData.get("inviteId") });
  if (!parsed.success) return { error: "Choose an invite." };
  try {
    await revokeInvite(getDeps().db, session.ctx, parsed.data.inviteId);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath("/members");
  return {};
}

const roleChangeSchema = z.object({ membershipId: z.string().min(1).max(100), role: roleSchema });

/** Gives a member another role. */
export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = roleChangeSchema.safeParse({
    membershipId: formData.get("membershipId"),
    role: formData.get("role"),
  });
  if (!parsed.success) return { error: "Choose a member and a role." };
  try {
    await changeMemberRole(getDeps().db, session.ctx, parsed.data.membershipId, parsed.data.role);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath("/members");
  return {};
}

const membershipIdSchema = z.object({ membershipId: z.string().min(1).max(100) });

/** Removes a member from the organisation. */
export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = membershipIdSchema.safeParse({ membershipId: formData.get("membershipId") });
  if (!parsed.success) return { error: "Choose a member." };
  try {
    await removeMember(getDeps().db, session.ctx, parsed.data.membershipId);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath("/members");
  return {};
}
