import { canonicalToolName, type Policy } from "@toolgate/policy-core";

/**
 * The draft "Limit this tool" opens: with no published policy, the tool's recommended policy
 * as it is; otherwise the published policy with the tool's rule (or hide entry) replaced by
 * the recommended one, everything else kept.
 */
export function withRecommendedRule(
  published: Policy | undefined,
  recommended: Policy,
  toolName: string,
): Policy {
  if (published === undefined) return recommended;
  const same = (key: string) => canonicalToolName(key) === canonicalToolName(toolName);
  const tools = Object.fromEntries(Object.entries(published.tools ?? {}).filter(([key]) => !same(key)));
  const rule = recommended.tools?.[toolName];
  if (rule !== undefined) tools[toolName] = rule;
  const hide = (published.hide ?? []).filter((entry) => !same(entry));
  if ((recommended.hide ?? []).includes(toolName)) hide.push(toolName);
  const { hide: _hide, tools: _tools, ...rest } = published;
  return {
    ...rest,
    ...(hide.length > 0 ? { hide } : {}),
    ...(Object.keys(tools).length > 0 ? { tools } : {}),
  };
}
