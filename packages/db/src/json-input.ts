import { Prisma } from "./generated/prisma/client";

/** Maps a JSON value for a nullable Json column; null becomes SQL NULL (not JSON `null`). */
export function toNullableJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return value as Prisma.InputJsonValue;
}

/** Maps a JSON value for a required Json column. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return (value ?? {}) as Prisma.InputJsonValue;
}
