"use client";

import { ConfigSnippetTabs } from "@/components/config-snippet-tabs";
import { CopyButton } from "@/components/copy-button";
import type { CreatedGrant } from "./actions";

/** A new grant's token, shown once, with the client configurations that use it. */
export function TokenReveal({ created }: { created: CreatedGrant }) {
  return (
    <section
      aria-labelledby="new-token"
      className="space-y-4 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset"
    >
      <div>
        <h3 id="new-token" className="text-sm font-semibold text-amber-900">
          Token for {created.label}
        </h3>
        <p className="text-sm text-amber-900">
          Copy it now: Toolgate keeps only its hash and cannot show it again.
        </p>
      </div>
      <div className="flex items-center gap-2">
        <code
          data-testid="grant-token"
          className="block min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-sm break-all ring-1 ring-amber-200"
        >
          {created.token}
        </code>
        <CopyButton text={created.token} label="Copy token" />
      </div>
      <p className="text-sm text-amber-900">
        Tenant URL (every server this grant may use, tools named{" "}
        <code className="font-mono">server__tool</code>):{" "}
        <code data-testid="tenant-url" className="font-mono">
          {created.gatewayUrl}
        </code>
      </p>
      {created.serverUrl === null ? null : (
        <p className="text-sm text-amber-900">
          Or this server only: <code className="font-mono">{created.serverUrl}</code>
        </p>
      )}
      <ConfigSnippetTabs snippets={created.snippets} tone="amber" />
    </section>
  );
}
