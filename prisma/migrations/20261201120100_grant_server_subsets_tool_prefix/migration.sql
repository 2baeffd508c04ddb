-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "serverSubset" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Server" ADD COLUMN     "toolPrefix" TEXT;

-- CreateTable
CREATE TABLE "GrantServer" (
    "grantId" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,

    CONSTRAINT "GrantServer_pkey" PRIMARY KEY ("grantId","serverId")
);

-- CreateIndex
CREATE INDEX "GrantServer_serverId_idx" ON "GrantServer"("serverId");

-- CreateIndex
CREATE UNIQUE INDEX "Server_tenantId_toolPrefix_key" ON "Server"("tenantId", "toolPrefix");

-- AddForeignKey
ALTER TABLE "GrantServer" ADD CONSTRAINT "GrantServer_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantServer" ADD CONSTRAINT "GrantServer_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;
