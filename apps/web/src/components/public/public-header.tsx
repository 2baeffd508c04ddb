import Link from "next/link";
import { styles } from "@/components/styles";

/** The signed-out site's top bar: logo, catalogue, log in, sign up. */
export function PublicHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Site" className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2">
          <span className="grid size-8 place-items-center rounded-lg bg-indigo-600 font-bold text-white">
            T
          </span>
          <span className="text-lg font-semibold tracking-tight">Toolgate</span>
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <Link href="/catalogue" className="font-medium text-slate-700 hover:text-slate-900">
            Catalogue
          </Link>
          <Link href="/login" className="font-medium text-slate-700 hover:text-slate-900">
            Log in
          </Link>
          <Link href="/signup" className={styles.primaryButton}>
            Sign up free
          </Link>
        </div>
      </nav>
    </header>
  );
}
