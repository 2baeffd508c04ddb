import { z } from "zod";
import { CliError } from "./cli-error";
import type { CliConfig } from "./config";

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export type ApiClient = {
  /** Calls /api/v1`path`; API errors become CliErrors with their code, message and issues. */
  request(method: string, path: string, body?: unknown): Promise<unknown>;
  /** GETs /api/v1`path` and hands the body to `write` chunk by chunk as it arrives (exports). */
  stream(path: string, write: (text: string) => void): Promise<void>;
};

/** A client for the Toolgate REST API. */
export function createApiClient(config: CliConfig, fetchImpl: typeof fetch = fetch): ApiClient {
  const failure = (method: string, url: string, status: number, text: string): CliError => {
    const parsed = errorBodySchema.safeParse(text === "" ? null : safeJson(text));
    if (!parsed.success) return new CliError("http_error", `${method} ${url} failed with HTTP ${status}.`);
    const { code, message, issues } = parsed.data.error;
    return new CliError(code, message, { issues: issues ?? [] });
  };
  return {
    async stream(path, write) {
      const url = `${config.url}/api/v1${path}`;
      const response = await fetchImpl(url, { headers: { authorization: `Bearer ${config.apiKey}` } }).catch(
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          throw new CliError("unreachable", `Could not reach ${config.url}: ${reason}`, { cause: error });
        },
      );
      if (!response.ok || response.body === null) {
        throw failure("GET", url, response.status, await response.text());
      }
      const decoder = new TextDecoder();
      for await (const chunk of response.body) write(decoder.decode(chunk, { stream: true }));
      write(decoder.decode());
    },
    async request(method, path, body) {
      const url = `${config.url}/api/v1${path}`;
      const response = await fetchImpl(url, {
        method,
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError("unreachable", `Could not reach ${config.url}: ${reason}`, { cause: error });
      });
      const text = await response.text();
      const json: unknown = text === "" ? null : safeJson(text);
      if (response.ok) return json;
      throw failure(method, url, response.status, text);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page, say): the status code tells the story.
    return null;
  }
}
