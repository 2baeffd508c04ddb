import type { ApiRoute } from "./api-route";
import { approveRoute, denyRoute, listApprovalsRoute } from "./routes/approval-routes";
import { listAuditRoute, verifyAuditRoute } from "./routes/audit-routes";
import { acceptToolRoute, listToolsRoute } from "./routes/catalogue-routes";
import {
  createGrantRoute,
  listGrantsRoute,
  revokeGrantRoute,
  rotateGrantRoute,
  updateGrantRoute,
} from "./routes/grant-routes";
import { exportLogsRoute, listLogsRoute } from "./routes/log-routes";
import { openApiRoute } from "./routes/meta-routes";
import {
  diffPolicyRoute,
  getPolicyRoute,
  getPolicyVersionRoute,
  listPolicyVersionsRoute,
  publishPolicyRoute,
  rollbackPolicyRoute,
  simulatePolicyRoute,
  validatePolicyRoute,
} from "./routes/policy-routes";
import {
  addServerRoute,
  deleteServerRoute,
  getServerRoute,
  listServersRoute,
  rescanServerRoute,
  updateServerRoute,
} from "./routes/server-routes";

/** Every operation of /api/v1, in the order the reference lists them. */
export const apiRoutes: readonly ApiRoute[] = [
  listServersRoute,
  addServerRoute,
  getServerRoute,
  updateServerRoute,
  deleteServerRoute,
  rescanServerRoute,
  listToolsRoute,
  acceptToolRoute,
  getPolicyRoute,
  validatePolicyRoute,
  simulatePolicyRoute,
  publishPolicyRoute,
  listPolicyVersionsRoute,
  getPolicyVersionRoute,
  diffPolicyRoute,
  rollbackPolicyRoute,
  listGrantsRoute,
  createGrantRoute,
  updateGrantRoute,
  revokeGrantRoute,
  rotateGrantRoute,
  listLogsRoute,
  exportLogsRoute,
  listApprovalsRoute,
  approveRoute,
  denyRoute,
  listAuditRoute,
  verifyAuditRoute,
  openApiRoute,
];
