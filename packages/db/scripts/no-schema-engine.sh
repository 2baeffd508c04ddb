#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` does not need it; migrations use packages/db/src/migrate instead.
echo "Toolgate: Prisma's native schema engine is not used; run 'pnpm --filter @toolgate/db migrate' instead." >&2
exit 1
