import type { Metadata } from "next";
import Link from "next/link";
import { styles } from "@/components/styles";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-lg font-semibold">Log in to your organisation</h1>
      <LoginForm next={typeof next === "string" ? next : undefined} />
      <p className="mt-6 text-sm text-slate-600">
        New to Toolgate?{" "}
        <Link href="/signup" className={styles.link}>
          Create a free account
        </Link>
      </p>
    </>
  );
}
