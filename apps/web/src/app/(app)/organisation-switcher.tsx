"use client";

import { switchOrganisationAction } from "./actions";

type Props = { current: string; organisations: { tenantId: string; name: string }[] };

/** Switches between the organisations the user belongs to. */
export function OrganisationSwitcher({ current, organisations }: Props) {
  return (
    <form action={switchOrganisationAction}>
      <select
        name="tenantId"
        aria-label="Organisation"
        defaultValue={current}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md bg-slate-800 px-2 py-1.5 text-sm text-white ring-1 ring-slate-700"
      >
        {organisations.map((organisation) => (
          <option key={organisation.tenantId} value={organisation.tenantId}>
            {organisation.name}
          </option>
        ))}
      </select>
    </form>
  );
}
