import pg from "pg";
import { CHANGE_CHANNEL, type ChangeEvent, changeEventSchema } from "./change-event";

export type ListenOptions = {
  /** Called after a lost connection is back; events sent meanwhile were missed, so drop caches. */
  onReconnect?: () => void;
  /** Connection failures and payloads that are not a valid ChangeEvent. */
  onError?: (error: unknown) => void;
  /** Shown in pg_stat_activity; lets operators (and tests) find the listening connection. */
  applicationName?: string;
};

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/** A payload on the channel that is not a valid ChangeEvent. */
export class InvalidChangePayloadError extends Error {
  readonly code = "invalid_change_payload";

  constructor(payload: string | undefined, options?: { cause?: unknown }) {
    super(`Ignored an invalid change notification: ${payload ?? "(empty)"}`, options);
    this.name = "InvalidChangePayloadError";
  }
}

function parseEvent(payload: string | undefined): ChangeEvent {
  try {
    return changeEventSchema.parse(JSON.parse(payload ?? ""));
  } catch (error) {
    throw new InvalidChangePayloadError(payload, { cause: error });
  }
}

/**
 * Subscribes to change notifications on a dedicated connection (LISTEN); reconnects with
 * backoff when the connection drops, until `close()`.
 */
export async function listenForChanges(
  databaseUrl: string,
  onEvent: (event: ChangeEvent) => void,
  options: ListenOptions = {},
): Promise<{ close(): Promise<void> }> {
  const report = options.onError ?? (() => {});
  let closed = false;
  let client: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryMs = FIRST_RETRY_MS;

  const connect = async (): Promise<pg.Client> => {
    const next = new pg.Client({
      connectionString: databaseUrl,
      application_name: options.applicationName ?? "toolgate-listener",
    });
    next.on("notification", (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      let event: ChangeEvent;
      try {
        event = parseEvent(message.payload);
      } catch (error) {
        report(error);
        return;
      }
      try {
        onEvent(event);
      } catch (error) {
        // a throwing subscriber must not break the connection's message handling
        report(error);
      }
    });
    next.on("error", (error) => {
      report(error);
      lost(next);
    });
    next.on("end", () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    return next;
  };

  const lost = (which: pg.Client) => {
    if (closed || which !== client) return;
    client = null;
    which.end().catch(() => {});
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        (next) => {
          if (closed) {
            next.end().catch(() => {});
            return;
          }
          client = next;
          retryMs = FIRST_RETRY_MS;
          options.onReconnect?.();
        },
        (error: unknown) => {
          report(error);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          scheduleReconnect();
        },
      );
    }, retryMs);
  };

  client = await connect();

  return {
    async close() {
      closed = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = null;
      const current = client;
      client = null;
      await current?.end();
    },
  };
}
