"use client";

import { useActionState } from "react";
import { ActionButton } from "@/components/action-button";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/server/form-state";
import type { ConnectionReport } from "@/server/servers/test-connection";
import { deleteServerAction, rescanServerAction, testServerConnectionAction } from "./actions";

const transportLabels: Record<string, string> = { streamable_http: "Streamable HTTP", sse: "HTTP+SSE" };

type Props = {
  serverId: string;
  serverName: string;
  impact: { tools: number; policyVersions: number; grants: number };
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Test connection, re-scan and delete (with what it removes) for one server. */
export function ServerControls({ serverId, serverName, impact }: Props) {
  const [test, testAction] = useActionState<FormState<ConnectionReport>, FormData>(
    testServerConnectionAction,
    {},
  );
  const report = test.result;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-start justify-end gap-2">
        <form action={testAction}>
          <input type="hidden" name="serverId" value={serverId} />
          <SubmitButton variant="secondary" pendingLabel="Testing…">
            Test connection
          </SubmitButton>
        </form>
        <ActionButton
          action={rescanServerAction}
          fields={{ serverId }}
          label="Re-scan tools"
          pendingLabel="Scanning…"
        />
        <ActionButton
          action={deleteServerAction}
          fields={{ serverId }}
          label="Delete server"
          confirm={{
            text: `Deletes ${serverName} with ${plural(impact.tools, "tool")}, ${plural(impact.policyVersions, "policy version")} and ${plural(impact.grants, "grant")} bound to it.`,
            label: "Confirm delete",
          }}
        />
      </div>
      {report !== undefined ? (
        <p
          role="status"
          className={`rounded-md p-2 text-sm ring-1 ring-inset ${report.ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200"}`}
        >
          {report.ok
            ? `Connected over ${transportLabels[report.transport] ?? report.transport} to ${report.serverName} ${report.serverVersion}: ${plural(report.toolCount, "tool")}.`
            : report.message}
        </p>
      ) : null}
      {test.error !== undefined ? (
        <p role="alert" className="text-sm text-red-600">
          {test.error}
        </p>
      ) : null}
    </div>
  );
}
