-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "decidedByGrantId" TEXT;
