export { type AddressPolicy, checkUpstreamUrl } from "./check-upstream-url";
export {
  type ConnectUpstreamOptions,
  connectUpstream,
  type UpstreamConnection,
  type UpstreamTarget,
  type UpstreamTransportKind,
} from "./connect-upstream";
export { type DiscoveredServer, discoverServer } from "./discover-server";
export { DEFAULT_SEPARATOR, isShortenedName, MAX_NAME_LENGTH, prefixedName } from "./exposed-name";
export { createGuardedFetch, type GuardedFetch, type GuardedFetchOptions } from "./guarded-fetch";
export { guardedLookup } from "./guarded-lookup";
export { canonicalJson, hashToolDefinition } from "./hash-tool-definition";
export { type AddressKind, addressKind, isBlockedAddress } from "./is-blocked-address";
export { toUpstreamError } from "./to-upstream-error";
export { UpstreamError, type UpstreamErrorCode } from "./upstream-error";
export {
  type UpstreamPrompt,
  type UpstreamResource,
  type UpstreamResourceTemplate,
  upstreamPromptSchema,
  upstreamResourceSchema,
  upstreamResourceTemplateSchema,
} from "./upstream-resource";
export { type UpstreamTool, upstreamToolSchema } from "./upstream-tool";
