"use client";

import { useState } from "react";
import { type ConfigSnippets, snippetClients } from "@/server/grants/config-snippets";
import { CopyButton } from "./copy-button";

type Props = { snippets: ConfigSnippets; tone?: "amber" | "slate" };

/** Client configurations in tabs (Cursor, VS Code, Claude Desktop, TypeScript SDK), each copyable. */
export function ConfigSnippetTabs({ snippets, tone = "slate" }: Props) {
  const [client, setClient] = useState<keyof ConfigSnippets>("cursor");
  const chosen = snippetClients.find((option) => option.id === client) ?? snippetClients[0];
  const snippet = snippets[client];
  const active = tone === "amber" ? "bg-amber-200 text-amber-950" : "bg-slate-200 text-slate-900";
  const idle = tone === "amber" ? "text-amber-900 hover:bg-amber-100" : "text-slate-700 hover:bg-slate-100";
  return (
    <div>
      <div role="tablist" aria-label="Client configuration" className="flex flex-wrap gap-1">
        {snippetClients.map((option) => (
          <button
            key={option.id}
            type="button"
            role="tab"
            aria-selected={client === option.id}
            onClick={() => setClient(option.id)}
            className={`rounded-md px-3 py-1 text-xs font-medium ${client === option.id ? active : idle}`}
          >
            {option.label}
          </button>
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">
        Paste into <code className="font-mono">{chosen.file}</code>
      </p>
      <pre
        data-testid="config-snippet"
        className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100"
      >
        {snippet}
      </pre>
      <div className="mt-2">
        <CopyButton text={snippet} label="Copy configuration" />
      </div>
    </div>
  );
}
