import type { PolicyVersion } from "@toolgate/db";

/** A published policy version without its document (for lists). */
export type PolicyVersionSummary = {
  version: number;
  message: string;
  authorId: string | null;
  createdAt: Date;
  current: boolean;
};

/** A version row as listed, marked current if it is the one in force. */
export function toPolicyVersionSummary(
  row: PolicyVersion,
  currentVersion: number | null,
): PolicyVersionSummary {
  return {
    version: row.version,
    message: row.message,
    authorId: row.authorId,
    createdAt: row.createdAt,
    current: row.version === currentVersion,
  };
}
