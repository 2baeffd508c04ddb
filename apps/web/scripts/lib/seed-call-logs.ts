import { type Db, newId } from "@toolgate/db";

export type SeedCallLogsOptions = {
  tenantId: string;
  serverIds: string[];
  grants: { id: string; label: string }[];
  rows: number;
  batchSize?: number;
  // the newest row's time; rows go back one `spacingMs` each
  newest?: Date;
  spacingMs?: number;
  onProgress?: (inserted: number, total: number) => void;
};

const tools = [
  "ListVms",
  "GetVm",
  "MountIso",
  "UnmountIso",
  "StartVm",
  "StopVm",
  "SnapshotVm",
  "DeleteVm",
  "vm_management",
  "ListIsos",
];

function sqlTextArray(values: string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(",")}]::text[]`;
}

/**
 * Bulk-loads synthetic call records for one tenant with INSERT … SELECT generate_series, in
 * batches (one statement each), with a realistic mix: mostly allowed calls, some denials,
 * rate limits, approvals and errors, spread over servers, grants and tools.
 */
export async function seedCallLogs(db: Db, options: SeedCallLogsOptions): Promise<number> {
  const batchSize = options.batchSize ?? 250_000;
  const newest = (options.newest ?? new Date()).getTime();
  const spacingMs = options.spacingMs ?? 250;
  // A run-unique id stem keeps ids unique across runs; the row number keeps them ordered.
  const stem = newId("req");
  const servers = sqlTextArray(options.serverIds);
  const grantIds = sqlTextArray(options.grants.map((grant) => grant.id));
  const grantLabels = sqlTextArray(options.grants.map((grant) => grant.label));
  const toolNames = sqlTextArray(tools);
  let inserted = 0;
  for (let start = 0; start < options.rows; start += batchSize) {
    const end = Math.min(start + batchSize, options.rows) - 1;
    // d: a per-row pseudo-random draw in [0, 1000) deciding the decision mix.
    const count = await db.$executeRawUnsafe(
      `INSERT INTO "CallLog" (id, "tenantId", "serverId", "grantId", "grantLabel", "sessionId", method, tool,
         decision, rule, message, "policyVersion", "upstreamStatus", "latencyMs", "argumentKeys", "createdAt")
       SELECT $1 || lpad(i::text, 10, '0'), $2,
         (${servers})[1 + i % ${options.serverIds.length}],
         (${grantIds})[1 + (i / 7) % ${options.grants.length}],
         (${grantLabels})[1 + (i / 7) % ${options.grants.length}],
         NULL, 'tools/call', t.tool,
         CASE WHEN d < 820 THEN 'allow' WHEN d < 940 THEN 'deny' WHEN d < 985 THEN 'rate_limited'
              WHEN d < 992 THEN 'approval_pending' WHEN d < 996 THEN 'approved' ELSE 'error' END::"Decision",
         CASE WHEN d < 820 THEN '/tools/' || t.tool WHEN d < 900 THEN '(default deny)'
              WHEN d < 940 THEN '/tools/vm_management/deny_if/0' WHEN d < 985 THEN '/tools/' || t.tool || '/limits/0'
              WHEN d < 996 THEN '/tools/' || t.tool ELSE NULL END,
         CASE WHEN d >= 820 AND d < 985 THEN '[POLICY DENIED] seeded denial' ELSE NULL END,
         1 + i % 5, CASE WHEN d < 820 OR d >= 992 THEN 200 ELSE NULL END,
         (d % 97) / 10.0, ARRAY['vm_name'],
         to_timestamp(($3::bigint - i::bigint * $4::bigint) / 1000.0)
       FROM generate_series($5::int, $6::int) AS i,
         LATERAL (SELECT (hashint4(i) & 2147483647) % 1000 AS d,
                         (${toolNames})[1 + (hashint4(i + 17) & 2147483647) % ${tools.length}] AS tool) AS t`,
      `${stem}_`,
      options.tenantId,
      newest,
      spacingMs,
      start,
      end,
    );
    inserted += count;
    options.onProgress?.(inserted, options.rows);
  }
  return inserted;
}
