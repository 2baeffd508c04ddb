import Link from "next/link";
import { styles } from "@/components/styles";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        That page does not exist, or it belongs to an organisation you are not a member of.
      </p>
      <Link href="/servers" className={`${styles.primaryButton} mt-6`}>
        Back to servers
      </Link>
    </main>
  );
}
