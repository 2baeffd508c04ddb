-- AlterTable
ALTER TABLE "CallLog" ADD COLUMN     "held" BOOLEAN NOT NULL DEFAULT false;
