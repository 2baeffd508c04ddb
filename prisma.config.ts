// Prisma CLI configuration. No datasource here: `prisma generate` needs no database,
// and migrations run through packages/db's own runner (the native engine is unavailable).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
});
