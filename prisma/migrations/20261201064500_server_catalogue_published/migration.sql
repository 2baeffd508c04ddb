-- AlterTable
ALTER TABLE "Server" ADD COLUMN     "cataloguePublishedAt" TIMESTAMPTZ(3);
