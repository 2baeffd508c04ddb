import type { AccessKind as GovernedKind } from "@toolgate/policy-core";

/** The two kinds of upstream data a policy governs besides tools: resources and prompts. */
export type AccessKind = Exclude<GovernedKind, "tool">;

/**
 * A catalogued resource, resource template or prompt as the builder sees it. `key` is what the
 * policy names: the resource's URI, the template's URI with each `{expression}` as `*`, the prompt's name.
 */
export type CatalogueAccessItem = {
  kind: "resource" | "template" | "prompt";
  key: string;
  /** As the server lists it: the URI, the uriTemplate or the prompt name. */
  listed: string;
  title: string | null;
  description: string;
};

/** What the builder shows for one server besides its tools. */
export type AccessCatalogue = { resources: CatalogueAccessItem[]; prompts: CatalogueAccessItem[] };

export const EMPTY_ACCESS_CATALOGUE: AccessCatalogue = { resources: [], prompts: [] };
