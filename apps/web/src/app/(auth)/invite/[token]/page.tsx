import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { auth } from "@/auth";
import { styles } from "@/components/styles";
import { AppError } from "@/server/app-error";
import { getDeps } from "@/server/deps";
import { getInvite } from "@/server/invites/get-invite";
import { JoinAsNewUserForm, JoinAsUserForm } from "./join-forms";

export const metadata: Metadata = { title: "Join an organisation" };

const roleLabels: Record<string, string> = {
  admin: "an admin",
  policy_manager: "a policy manager",
  viewer: "a viewer",
};
const signedInSchema = z.object({ identity: z.object({ email: z.string() }) });

async function loadInvite(token: string) {
  try {
    return await getInvite(getDeps().db, token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await loadInvite(decodeURIComponent(token));
  if (invite === null) {
    return (
      <>
        <h1 className="text-lg font-semibold">This invite cannot be used</h1>
        <p className="mt-2 text-sm text-slate-600">
          It is invalid, has expired or was already used. Ask an admin of the organisation for a new link.
        </p>
      </>
    );
  }
  const session = signedInSchema.safeParse(await auth());
  return (
    <>
      <h1 className="text-lg font-semibold">Join {invite.organisationName}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        You are invited as {roleLabels[invite.role] ?? invite.role}.
      </p>
      {session.success ? (
        <JoinAsUserForm token={decodeURIComponent(token)} email={session.data.identity.email} />
      ) : (
        <>
          <JoinAsNewUserForm token={decodeURIComponent(token)} />
          <p className="mt-6 text-sm text-slate-600">
            Already have an account?{" "}
            <Link href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`} className={styles.link}>
              Log in first
            </Link>
          </p>
        </>
      )}
    </>
  );
}
