-- DropIndex
DROP INDEX "CallLog_tenantId_decision_createdAt_idx";

-- DropIndex
DROP INDEX "CallLog_tenantId_grantId_createdAt_idx";

-- DropIndex
DROP INDEX "CallLog_tenantId_serverId_createdAt_idx";

-- DropIndex
DROP INDEX "CallLog_tenantId_tool_createdAt_idx";

-- CreateIndex
CREATE INDEX "CallLog_tenantId_serverId_createdAt_id_idx" ON "CallLog"("tenantId", "serverId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CallLog_tenantId_grantId_createdAt_id_idx" ON "CallLog"("tenantId", "grantId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CallLog_tenantId_tool_createdAt_id_idx" ON "CallLog"("tenantId", "tool", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CallLog_tenantId_decision_createdAt_id_idx" ON "CallLog"("tenantId", "decision", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CallLog_tenantId_rule_createdAt_id_idx" ON "CallLog"("tenantId", "rule", "createdAt" DESC, "id" DESC);
