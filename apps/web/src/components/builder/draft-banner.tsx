/**
 * Says plainly whether what the builder shows is in force: nothing is enforced from the builder until
 * Publish, so a prefilled draft (the recommended rules) is marked as such. Also explains Deny vs Hide.
 */
export function DraftBanner({
  published,
  dirty,
  canPublish,
}: {
  published: number | null;
  dirty: boolean;
  canPublish: boolean;
}) {
  const status =
    published === null ? (
      <p>
        <strong className="font-semibold">Draft — not published.</strong>{" "}
        {canPublish
          ? "The builder starts from the recommended rules for this server's tools. Nothing is enforced until you publish; until then every tool call is denied (no policy)."
          : "No policy is published for this server, so every tool call is denied (no policy)."}
      </p>
    ) : dirty ? (
      <p>
        <strong className="font-semibold">Unpublished changes.</strong> The gateway still enforces version{" "}
        {published}; publish to apply these changes.
      </p>
    ) : (
      <p>
        <strong className="font-semibold">Version {published} is in force.</strong> Changes here stay a draft
        until you publish.
      </p>
    );
  const tone =
    published === null || dirty
      ? "bg-amber-50 text-amber-900 ring-amber-200"
      : "bg-emerald-50 text-emerald-900 ring-emerald-200";
  return (
    <div className="mb-4 grid gap-3 lg:grid-cols-2">
      <div className={`rounded-lg p-3 text-sm ring-1 ${tone}`} data-testid="draft-banner" role="status">
        {status}
      </div>
      <div className="rounded-lg bg-white p-3 text-sm text-slate-700 ring-1 ring-slate-200">
        <p>
          <strong className="font-semibold">Deny</strong> keeps the tool in the agent's tools/list and refuses
          each call with <code className="font-mono text-xs">[POLICY DENIED]</code> and the rule, so the agent
          learns why. <strong className="font-semibold">Hide</strong> removes it from tools/list (the agent
          never sees it) and refuses a call anyway as <span className="font-mono text-xs">hidden</span>.
        </p>
      </div>
    </div>
  );
}
