-- AlterEnum
ALTER TYPE "RollupDimension" ADD VALUE 'held';
