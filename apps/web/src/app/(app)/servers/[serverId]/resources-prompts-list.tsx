import { styles } from "@/components/styles";
import type { CataloguePromptView, CatalogueResourceView } from "@/server/servers/get-server-detail";

/** The server's resources, resource templates and prompts as its last scan listed them. */
export function ResourcesPromptsList({
  resources,
  prompts,
}: {
  resources: CatalogueResourceView[];
  prompts: CataloguePromptView[];
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className={`${styles.card} min-w-0 p-4`}>
        <h3 className="mb-2 text-sm font-semibold">
          Resources <span className="font-normal text-slate-500">({resources.length})</span>
        </h3>
        {resources.length === 0 ? (
          <p className="text-sm text-slate-500">The server lists no resources.</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="catalogue-resources">
            {resources.map((resource) => (
              <li key={`${resource.kind} ${resource.uri}`}>
                <code className="break-all font-mono text-xs">{resource.uri}</code>
                {resource.kind === "template" ? (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                    template
                  </span>
                ) : null}
                <div className="text-slate-600">
                  {resource.title ?? resource.name}
                  {resource.mimeType === null ? null : (
                    <span className="text-slate-400"> · {resource.mimeType}</span>
                  )}
                  {resource.description === "" ? null : <> — {resource.description}</>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={`${styles.card} min-w-0 p-4`}>
        <h3 className="mb-2 text-sm font-semibold">
          Prompts <span className="font-normal text-slate-500">({prompts.length})</span>
        </h3>
        {prompts.length === 0 ? (
          <p className="text-sm text-slate-500">The server lists no prompts.</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="catalogue-prompts">
            {prompts.map((prompt) => (
              <li key={prompt.name}>
                <code className="font-mono text-xs">{prompt.name}</code>
                {prompt.arguments.length === 0 ? null : (
                  <span className="ml-2 text-xs text-slate-500">
                    ({prompt.arguments.map((arg) => (arg.required ? arg.name : `${arg.name}?`)).join(", ")})
                  </span>
                )}
                <div className="text-slate-600">
                  {prompt.title ?? ""}
                  {prompt.description === "" ? null : (
                    <>
                      {prompt.title === null ? "" : " — "}
                      {prompt.description}
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
