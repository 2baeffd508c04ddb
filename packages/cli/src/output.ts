/** Where a command writes; tests capture it, the bin passes process streams. */
export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
  fetch: typeof fetch;
};

/** Prints rows as aligned columns under a header line. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** Pretty JSON with a trailing newline, as written to files and --json output. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A timestamp in the user's terms, compact: 2026-01-01 12:00:00 (UTC). */
export function formatTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return "—";
  return `${iso.slice(0, 19).replace("T", " ")}`;
}
