-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('resource', 'template');

-- CreateTable
CREATE TABLE "CatalogueResource" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "uri" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "mimeType" TEXT,
    "annotations" JSONB,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CatalogueResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CataloguePrompt" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "arguments" JSONB NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CataloguePrompt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogueResource_tenantId_serverId_idx" ON "CatalogueResource"("tenantId", "serverId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueResource_serverId_kind_uri_key" ON "CatalogueResource"("serverId", "kind", "uri");

-- CreateIndex
CREATE INDEX "CataloguePrompt_tenantId_serverId_idx" ON "CataloguePrompt"("tenantId", "serverId");

-- CreateIndex
CREATE UNIQUE INDEX "CataloguePrompt_serverId_name_key" ON "CataloguePrompt"("serverId", "name");

-- AddForeignKey
ALTER TABLE "CatalogueResource" ADD CONSTRAINT "CatalogueResource_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CataloguePrompt" ADD CONSTRAINT "CataloguePrompt_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;
