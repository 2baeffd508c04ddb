-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "oauthClientId" TEXT,
ADD COLUMN     "oauthClientName" TEXT;

-- CreateTable
CREATE TABLE "OAuthRecord" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grantId" TEXT,
    "uidHash" TEXT,
    "consumedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "OAuthRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OAuthRecord_tenantId_grantId_idx" ON "OAuthRecord"("tenantId", "grantId");

-- CreateIndex
CREATE INDEX "OAuthRecord_uidHash_idx" ON "OAuthRecord"("uidHash");

-- CreateIndex
CREATE INDEX "OAuthRecord_expiresAt_idx" ON "OAuthRecord"("expiresAt");

-- AddForeignKey
ALTER TABLE "OAuthRecord" ADD CONSTRAINT "OAuthRecord_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
