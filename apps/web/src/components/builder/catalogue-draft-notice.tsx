import type { CatalogueDraft } from "@/server/public-catalogue/catalogue-draft";

/** Marks the builder's content as an unpublished draft that came from the public catalogue. */
export function CatalogueDraftNotice({ draft, dirty }: { draft: CatalogueDraft; dirty: boolean }) {
  return (
    <section
      aria-label="Unpublished draft"
      className="mb-4 rounded-xl bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-300"
    >
      <p className="font-semibold">
        Unpublished draft: the catalogue's recommended rule for{" "}
        <span className="font-mono">{draft.toolName}</span> ({draft.catalogueServer}) is applied.
      </p>
      <p className="mt-1">
        {dirty
          ? "Nothing is enforced until you publish. Review the lanes and the JSON, simulate a call, then publish below."
          : "It matches the policy in force already; there is nothing new to publish."}
      </p>
    </section>
  );
}
