import { filterToolList } from "@toolgate/policy-core";
import type { CachedPolicy } from "../cache/cached-types";
import type { ToolFilter } from "../upstream/response-messages";

const NOTHING: ToolFilter = () => [];

/**
 * The tools/list filter: pinning first (quarantined tools vanish), then the policy. With no policy
 * published no tool is callable, so none is listed.
 */
export function toolFilter(policy: CachedPolicy, pinning: ToolFilter): ToolFilter {
  // Pinning still reviews the listing, so a changed definition is caught before a policy exists.
  if (policy === null) {
    return (tools) => {
      pinning(tools);
      return NOTHING(tools);
    };
  }
  const { compiled } = policy;
  return (tools) => filterToolList(compiled, pinning(tools));
}
