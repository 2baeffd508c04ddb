import Link from "next/link";
import type { FirstRunStep } from "@/server/onboarding/get-first-run";
import { styles } from "./styles";

/** The first-run checklist; each step ticks itself from the organisation's real state. */
export function FirstRunChecklist({ steps }: { steps: FirstRunStep[] }) {
  const done = steps.filter((step) => step.done).length;
  if (done === steps.length) return null;
  const next = steps.find((step) => !step.done);
  return (
    <section className={`${styles.card} mb-6 p-5`} aria-label="Get started" data-testid="first-run">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">Get started with Toolgate</h2>
        <p className="text-sm text-slate-600" data-testid="first-run-progress">
          {done} of {steps.length} done
        </p>
      </div>
      <div className="mt-3 h-1.5 rounded bg-slate-100">
        <div className="h-1.5 rounded bg-emerald-500" style={{ width: `${(done / steps.length) * 100}%` }} />
      </div>
      <ol className="mt-4 grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {steps.map((step, index) => (
          <li
            key={step.id}
            data-testid={`first-run-${step.id}`}
            data-done={step.done}
            className={`rounded-lg p-4 ring-1 ${step.done ? "bg-emerald-50/60 ring-emerald-200" : step === next ? "ring-indigo-300" : "ring-slate-200"}`}
          >
            <p className="flex items-center gap-2 text-sm font-semibold">
              <span
                aria-hidden="true"
                className={`grid size-6 shrink-0 place-items-center rounded-full text-xs ${step.done ? "bg-emerald-600 text-white" : "bg-slate-100 text-slate-600"}`}
              >
                {step.done ? "✓" : index + 1}
              </span>
              <span>{step.title}</span>
              <span className="sr-only">{step.done ? "(done)" : "(to do)"}</span>
            </p>
            <p className="mt-2 text-sm text-slate-600">{step.description}</p>
            {!step.done ? (
              <Link
                href={step.href}
                className={`mt-3 ${step === next ? styles.primaryButton : styles.secondaryButton}`}
              >
                {step.action}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
