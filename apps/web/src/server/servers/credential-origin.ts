/**
 * The origin stored credentials are bound to: scheme, host and port of an HTTP(S) URL; the whole
 * command line of a stdio server.
 */
export function credentialOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : url;
  } catch {
    return url;
  }
}

/** How an update treats the stored upstream headers, for the answer and the audit stream. */
export type HeaderChange = "kept" | "replaced" | "dropped";
