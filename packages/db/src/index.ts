export { AUDIT_GENESIS_HASH, auditEventHash, type ChainBreak, canonicalJson } from "./audit/audit-chain";
export type { ChangeEvent } from "./changes/change-event";
export { CHANGE_CHANNEL, changeEventSchema } from "./changes/change-event";
export {
  InvalidChangePayloadError,
  type ListenOptions,
  listenForChanges,
} from "./changes/listen-for-changes";
export { notifyChange } from "./changes/notify-change";
export { createDb, type Db } from "./create-db";
export {
  DbError,
  EmailTakenError,
  GrantServerBoundError,
  MigrationError,
  NotFoundError,
  PolicyConflictError,
  ToolPrefixTakenError,
} from "./errors";
export {
  type ApiKey,
  type Approval,
  type ApprovalStatus,
  type AuditEvent,
  type CallLog,
  type CataloguePrompt,
  type CatalogueResource,
  type Decision,
  type Invite,
  type Membership,
  type PinState,
  type Policy,
  type PolicyVersion,
  Prisma,
  type ResourceKind,
  type RiskLevel,
  type Role,
  type Server,
  type Tenant,
  type Tool,
  type ToolCategory,
  type Transport,
  type User,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookFormat,
} from "./generated/prisma/client";
export { installationNamespace } from "./installation-namespace";
export { migrateDeploy } from "./migrate/migrate-deploy";
export { type IdPrefix, newId } from "./new-id";
export {
  createUserWithTenant,
  findUserByEmail,
  getTenant,
  getTenantBySlug,
  listMemberships,
} from "./repositories/accounts";
export {
  type AuditChainReport,
  type AuditInput,
  chainUnchainedAuditEvents,
  listAuditEvents,
  recordAudit,
  tenantsWithUnchainedAuditEvents,
  verifyAuditChain,
  withAudit,
} from "./repositories/audit";
export {
  type CallLogDeadLetterInput,
  countCallLogDeadLetters,
  insertCallLogDeadLetters,
} from "./repositories/call-log-dead-letters";
export {
  type CallLogStats,
  type CallLogStatsFilter,
  type CountedName,
  callLogStats,
  type DecisionBucket,
} from "./repositories/call-log-stats";
export { listCallLogsAfter } from "./repositories/call-log-tail";
export {
  type CallLogCursor,
  type CallLogFilter,
  type CallLogRecord,
  insertCallLogs,
  listCallLogs,
  rebuildCallLogRollups,
  streamCallLogs,
} from "./repositories/call-logs";
export {
  createGrant,
  findGrant,
  findGrantByTokenHash,
  type Grant,
  listGrants,
  revokeGrant,
  touchGrantsLastUsed,
  updateGrant,
} from "./repositories/grants";
export {
  acceptInviteAsNewUser,
  acceptInviteAsUser,
  createInvite,
  findOpenInvite,
  listOpenInvites,
  revokeInvite,
} from "./repositories/invites";
export { changeMemberRole, listMembers, type MemberRow, removeMember } from "./repositories/members";
export { AlreadyMemberError, InviteUnusableError, LastAdminError } from "./repositories/membership-errors";
export {
  consumeOAuthRecord,
  deleteOAuthRecord,
  deleteOAuthRecordsOfGrant,
  findOAuthRecord,
  findOAuthRecordByUid,
  type OAuthRecordKey,
  upsertOAuthRecord,
} from "./repositories/oauth-records";
export { getCurrentPolicy, listPolicyVersions, publishPolicy } from "./repositories/policies";
export {
  listPublishedServerCatalogues,
  type PublishedServerCatalogue,
  setServerCataloguePublished,
} from "./repositories/published-catalogues";
export {
  listCataloguePrompts,
  listCatalogueResources,
  type PromptEntry,
  type ResourceCatalogue,
  type ResourceCatalogueSummary,
  type ResourceEntry,
  saveResourceCatalogue,
} from "./repositories/resource-catalogue";
export {
  createServer,
  deleteServer,
  findServerBySlugs,
  getServer,
  listServers,
  serverToolPrefix,
  setServerToolPrefix,
} from "./repositories/servers";
export { type CatalogueEntry, listTools, saveCatalogue } from "./repositories/tools";
export {
  createWebhookDeliveries,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findSubscribedEndpoints,
  findWebhookEndpointsByIds,
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  type NewWebhookDelivery,
  recordWebhookAttempt,
  resetWebhookDelivery,
} from "./repositories/webhooks";
export { type DbClient, inTransaction } from "./transaction";
