import type { IncomingMessage } from "node:http";

const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Why a request body was refused. */
export class BodyError extends Error {
  override readonly name = "BodyError";

  constructor(
    readonly code: "too_large" | "bad_json",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Reads and parses a JSON request body, up to 4 MiB. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError("too_large", "Request body is larger than 4 MiB.");
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new BodyError("bad_json", "Request body is not valid JSON.", { cause });
  }
}
