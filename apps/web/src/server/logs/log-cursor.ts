/** A keyset position in the call log: the last row's time and id. */
export type LogCursor = { createdAt: Date; id: string };

/** Encodes a cursor for a URL search param, e.g. `1732500000000.req_01…`. */
export function encodeLogCursor(cursor: LogCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

/** Decodes a cursor search param; returns null for anything malformed. */
export function decodeLogCursor(value: string): LogCursor | null {
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const millis = Number(value.slice(0, dot));
  const id = value.slice(dot + 1);
  if (!Number.isSafeInteger(millis) || id.length === 0) return null;
  return { createdAt: new Date(millis), id };
}
