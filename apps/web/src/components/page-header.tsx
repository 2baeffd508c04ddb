import type { ReactNode } from "react";

/** The title row of an app page, with optional actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description !== undefined ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions !== undefined ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}
