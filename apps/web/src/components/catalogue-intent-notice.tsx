import type { IndexedTool } from "@/catalogue/catalogue-index";

/** On the register step of "Limit this tool": which tool, and how to reach that kind of server. */
export function CatalogueIntentNotice({ intent }: { intent: IndexedTool }) {
  return (
    <div
      role="status"
      className="mb-6 rounded-xl bg-indigo-50 p-4 text-sm text-indigo-900 ring-1 ring-indigo-200"
    >
      <p className="font-semibold">
        Register your {intent.server.name} server to limit{" "}
        <span className="font-mono">{intent.tool.name}</span>
      </p>
      <p className="mt-1">
        After it connects, the policy builder opens with the catalogue's recommended rule for{" "}
        {intent.tool.name} as an unpublished draft.
      </p>
      <p className="mt-1 text-indigo-800">Where to find its URL: {intent.server.urlHint}</p>
    </div>
  );
}
