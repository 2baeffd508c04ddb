import type { IsolationFixture } from "./isolation-fixture";

/** How a server action is called with tenant A's ids by a member of tenant B. */
export type ActionCase =
  | { kind: "form"; fields: (fx: IsolationFixture) => Record<string, string> }
  | { kind: "object"; input: (fx: IsolationFixture) => unknown }
  // Takes no tenant-owned id from its caller; the reason is checked against the source.
  | { kind: "no-foreign-ids"; reason: string };

const policyText = JSON.stringify({ version: "1", default: "allow" });

/**
 * Every server action under src/app, by "<file relative to src/app>#<export>". The isolation
 * test fails when an action exists that is not listed here, so new actions are covered by default.
 */
export const actionCases: Record<string, ActionCase> = {
  "(app)/actions.ts#logOutAction": { kind: "no-foreign-ids", reason: "ends the caller's own session" },
  "(app)/actions.ts#switchOrganisationAction": {
    kind: "form",
    fields: (fx) => ({ tenantId: fx.a.tenantId }),
  },
  "(app)/approvals/actions.ts#decideApprovalAction": {
    kind: "form",
    fields: (fx) => ({ approvalId: fx.ids.approvalId, decision: "approved", reason: "" }),
  },
  "(app)/grants/actions.ts#createGrantAction": {
    kind: "form",
    fields: (fx) => ({ label: "sneaky", serverId: fx.ids.serverId, expiresInDays: "" }),
  },
  "(app)/grants/actions.ts#revokeGrantAction": {
    kind: "form",
    fields: (fx) => ({ grantId: fx.ids.grantId }),
  },
  "(app)/grants/actions.ts#rotateGrantAction": {
    kind: "form",
    fields: (fx) => ({ grantId: fx.ids.grantId }),
  },
  "(app)/members/actions.ts#createInviteAction": {
    kind: "no-foreign-ids",
    reason: "invites into the caller's own organisation",
  },
  "(app)/members/actions.ts#revokeInviteAction": {
    kind: "form",
    fields: (fx) => ({ inviteId: fx.ids.inviteId }),
  },
  "(app)/members/actions.ts#changeRoleAction": {
    kind: "form",
    fields: (fx) => ({ membershipId: fx.ids.membershipId, role: "viewer" }),
  },
  "(app)/members/actions.ts#removeMemberAction": {
    kind: "form",
    fields: (fx) => ({ membershipId: fx.ids.membershipId }),
  },
  "(app)/servers/actions.ts#addServerAction": { kind: "no-foreign-ids", reason: "registers a new server" },
  "(app)/servers/[serverId]/actions.ts#policyAction": {
    kind: "form",
    fields: (fx) => ({
      intent: "publish",
      serverId: fx.ids.serverId,
      documentText: policyText,
      baseVersion: "1",
    }),
  },
  "(app)/servers/[serverId]/actions.ts#updateServerAction": {
    kind: "form",
    fields: (fx) => ({ serverId: fx.ids.serverId, name: "renamed", url: "http://127.0.0.1:9/mcp" }),
  },
  "(app)/servers/[serverId]/actions.ts#rescanServerAction": {
    kind: "form",
    fields: (fx) => ({ serverId: fx.ids.serverId }),
  },
  "(app)/servers/[serverId]/actions.ts#deleteServerAction": {
    kind: "form",
    fields: (fx) => ({ serverId: fx.ids.serverId }),
  },
  "(app)/servers/[serverId]/actions.ts#testServerConnectionAction": {
    kind: "form",
    fields: (fx) => ({ serverId: fx.ids.serverId }),
  },
  "(app)/servers/[serverId]/catalogue-publish-actions.ts#setCataloguePublishedAction": {
    kind: "form",
    fields: (fx) => ({ serverId: fx.ids.serverId, publish: "1" }),
  },
  "(app)/servers/[serverId]/actions.ts#acceptToolAction": {
    kind: "form",
    fields: (fx) => ({ serverId: fx.ids.serverId, toolId: fx.ids.toolId }),
  },
  "(app)/servers/[serverId]/actions.ts#overrideToolClassAction": {
    kind: "form",
    fields: (fx) => ({
      serverId: fx.ids.serverId,
      toolId: fx.ids.toolId,
      category: "Destructive",
      risk: "Critical",
    }),
  },
  "(app)/servers/[serverId]/policy/actions.ts#publishDraftAction": {
    kind: "object",
    input: (fx) => ({ serverId: fx.ids.serverId, documentText: policyText, baseVersion: 1 }),
  },
  "(app)/servers/[serverId]/policy/actions.ts#rollbackAction": {
    kind: "object",
    input: (fx) => ({ serverId: fx.ids.serverId, version: 1, baseVersion: 1 }),
  },
  "(app)/servers/[serverId]/policy/actions.ts#replayAction": {
    kind: "object",
    input: (fx) => ({ serverId: fx.ids.serverId, documentText: policyText, days: 7 }),
  },
  "(app)/settings/api-keys/actions.ts#createApiKeyAction": {
    kind: "no-foreign-ids",
    reason: "creates a key in the caller's own organisation",
  },
  "(app)/settings/api-keys/actions.ts#revokeApiKeyAction": {
    kind: "form",
    fields: (fx) => ({ apiKeyId: fx.ids.apiKeyId }),
  },
  "(app)/settings/webhooks/actions.ts#createWebhookAction": {
    kind: "no-foreign-ids",
    reason: "adds an endpoint to the caller's own organisation",
  },
  "(app)/settings/webhooks/actions.ts#deleteWebhookAction": {
    kind: "form",
    fields: (fx) => ({ endpointId: fx.ids.webhookEndpointId }),
  },
  "(app)/settings/webhooks/actions.ts#testWebhookAction": {
    kind: "form",
    fields: (fx) => ({ endpointId: fx.ids.webhookEndpointId }),
  },
  "(app)/settings/webhooks/actions.ts#redeliverWebhookAction": {
    kind: "form",
    fields: (fx) => ({ deliveryId: fx.ids.webhookDeliveryId }),
  },
  "(decide)/approvals/[approvalId]/actions.ts#decideOneApprovalAction": {
    kind: "form",
    fields: (fx) => ({ approvalId: fx.ids.approvalId, decision: "approved", reason: "" }),
  },
  "(auth)/invite/[token]/actions.ts#joinAsNewUserAction": {
    kind: "no-foreign-ids",
    reason: "identified by an invite token, not by ids",
  },
  "(auth)/invite/[token]/actions.ts#joinAsUserAction": {
    kind: "no-foreign-ids",
    reason: "identified by an invite token, not by ids",
  },
  "(auth)/login/actions.ts#logInAction": { kind: "no-foreign-ids", reason: "email and password only" },
  "(auth)/signup/actions.ts#signUpAction": { kind: "no-foreign-ids", reason: "creates a new organisation" },
};

/** Request bodies for route handlers that need one, by "<METHOD> <path template>". */
export const routeBodies: Record<string, (fx: IsolationFixture) => unknown> = {
  "POST /servers": () => ({ name: "probe", url: "http://127.0.0.1:9/mcp" }),
  "PATCH /servers/{serverId}": () => ({ name: "renamed" }),
  "POST /servers/{serverId}/policy/validate": () => ({ document: { version: "1", default: "deny" } }),
  "POST /servers/{serverId}/policy/simulate": () => ({ tool: "SecretToolA" }),
  "POST /servers/{serverId}/policy/versions": () => ({ document: { version: "1", default: "allow" } }),
  "POST /servers/{serverId}/policy/versions/{version}/rollback": () => ({}),
  "POST /grants": (fx) => ({ label: "sneaky", serverId: fx.ids.serverId }),
  "PATCH /grants/{grantId}": (fx) => ({ label: "renamed", servers: [fx.ids.serverId] }),
  "POST /approvals/{approvalId}/approve": () => ({}),
  "POST /approvals/{approvalId}/deny": () => ({}),
};

/** Query strings for route handlers that need one, by "<METHOD> <path template>". */
export const routeQueries: Record<string, string> = {
  "GET /servers/{serverId}/policy/diff": "?from=1&to=1",
  "GET /logs/export": "?from=2000-01-01T00:00:00Z",
};

/** Route handlers that take no tenant-owned id and need no tenant credentials. */
export const publicRoutes: Record<string, string> = {
  "api/auth/[...nextauth]/route.ts": "next-auth's own endpoints (csrf, session, callback)",
  "oauth/[tenant]/[[...path]]/route.ts":
    "the tenants' OAuth authorization servers, forwarded unchanged; they authenticate clients and sessions themselves",
  ".well-known/oauth-authorization-server/oauth/[tenant]/route.ts": "public RFC 8414 metadata, forwarded",
  ".well-known/openid-configuration/oauth/[tenant]/route.ts": "public discovery metadata, forwarded",
};
