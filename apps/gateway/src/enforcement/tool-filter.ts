import { filterToolList } from "@toolgate/policy-core";
import type { CachedPolicy } from "../cache/cached-types";
import type { ToolFilter } from "../upstream/response-messages";

const NOTHING: ToolFilter = () => [];

/** The tools/list filter of a policy; with no policy published no tool is callable, so none is listed. */
export function toolFilter(policy: CachedPolicy): ToolFilter {
  if (policy === null) return NOTHING;
  const { compiled } = policy;
  return (tools) => filterToolList(compiled, tools);
}
