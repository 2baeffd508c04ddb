import type { Metadata } from "next";
import Link from "next/link";
import { styles } from "@/components/styles";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  const carried = typeof next === "string" ? next : undefined;
  return (
    <>
      <h1 className="text-lg font-semibold">Create your free account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Put every MCP tool call your agents make behind your rules.
      </p>
      <SignupForm next={carried} />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          href={carried === undefined ? "/login" : `/login?${new URLSearchParams({ next: carried })}`}
          className={styles.link}
        >
          Log in
        </Link>
      </p>
    </>
  );
}
