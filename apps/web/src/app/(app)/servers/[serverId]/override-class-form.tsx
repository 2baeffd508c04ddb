"use client";

import { SubmitButton } from "@/components/submit-button";
import { useToastAction } from "@/components/use-toast-action";
import { overrideToolClassAction } from "./actions";

type Props = {
  serverId: string;
  tool: { id: string; name: string; category: string; risk: string; overridden: boolean };
};

const selectClass = "rounded-md px-1.5 py-1 text-xs ring-1 ring-slate-300 ring-inset";

/** Overrides a tool's category and risk (empty puts the classifier's back). */
export function OverrideClassForm({ serverId, tool }: Props) {
  const [state, action] = useToastAction(overrideToolClassAction, () => "Risk class saved.");
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-indigo-600">Override</summary>
      <form action={action} className="mt-1 flex flex-col gap-1">
        <input type="hidden" name="serverId" value={serverId} />
        <input type="hidden" name="toolId" value={tool.id} />
        <select
          name="category"
          aria-label={`Category of ${tool.name}`}
          defaultValue={tool.overridden ? tool.category : ""}
          className={selectClass}
        >
          <option value="">Classifier&apos;s category</option>
          {["Read", "Write", "Execute", "Destructive"].map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
        <select
          name="risk"
          aria-label={`Risk of ${tool.name}`}
          defaultValue={tool.overridden ? tool.risk : ""}
          className={selectClass}
        >
          <option value="">Classifier&apos;s risk</option>
          {["Low", "Medium", "High", "Critical"].map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save class
        </SubmitButton>
        {state.error !== undefined ? <p className="text-red-600">{state.error}</p> : null}
      </form>
    </details>
  );
}
