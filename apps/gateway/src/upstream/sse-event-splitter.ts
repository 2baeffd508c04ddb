import { StringDecoder } from "node:string_decoder";
import { GatewayError } from "../errors/gateway-error";

/** Characters one SSE event may have before the stream is refused (8 Mi, far above any sane MCP message). */
export const MAX_SSE_EVENT_CHARS = 8 * 1024 * 1024;

/**
 * Splits a text/event-stream into complete events (the text between blank lines), chunk by chunk, in
 * linear time: each chunk is scanned once and the unterminated tail is kept as pieces, never rescanned.
 * An event longer than `maxEventChars` throws `upstream_event_too_large`.
 */
export class SseEventSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private pending: string[] = [];
  private pendingChars = 0;
  private pendingEndsWithNewline = false;
  private endedWithCr = false;

  constructor(private readonly maxEventChars = MAX_SSE_EVENT_CHARS) {}

  /** Feeds bytes; returns the events they completed, with line endings normalised to "\n". */
  push(chunk: Buffer): string[] {
    let text = this.decoder.write(chunk);
    // A "\r\n" split across two chunks is one line ending, not two.
    if (this.endedWithCr && text.startsWith("\n")) text = text.slice(1);
    this.endedWithCr = text.endsWith("\r");
    if (text.length === 0) return [];
    text = text.replace(/\r\n?/g, "\n");
    const events: string[] = [];
    let start = 0;
    if (this.pendingEndsWithNewline && text.startsWith("\n")) {
      // The blank line straddles the chunks: the kept tail minus its "\n" is an event.
      const tail = this.take();
      events.push(tail.slice(0, -1));
      start = 1;
    }
    let end = text.indexOf("\n\n", start);
    while (end !== -1) {
      events.push(this.take() + text.slice(start, end));
      start = end + 2;
      end = text.indexOf("\n\n", start);
    }
    if (start < text.length) {
      const tail = start === 0 ? text : text.slice(start);
      this.pending.push(tail);
      this.pendingChars += tail.length;
      this.pendingEndsWithNewline = tail.endsWith("\n");
      if (this.pendingChars > this.maxEventChars) {
        throw new GatewayError(
          "upstream_event_too_large",
          `The upstream sent one event of over ${this.maxEventChars} characters; the gateway refuses it.`,
        );
      }
    }
    return events;
  }

  /** Whatever remains unterminated when the stream ends. */
  rest(): string {
    return this.take() + this.decoder.end();
  }

  private take(): string {
    const joined = this.pending.length === 1 ? (this.pending[0] ?? "") : this.pending.join("");
    this.pending = [];
    this.pendingChars = 0;
    this.pendingEndsWithNewline = false;
    return joined;
  }
}

/** The data of one SSE event (its `data:` lines joined), or undefined if it has none. */
export function sseData(event: string): string | undefined {
  let data: string | undefined;
  for (const line of event.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
    data = data === undefined ? value : `${data}\n${value}`;
  }
  return data;
}

/** The event with its data replaced by `data`, other fields (id, event, retry) kept. */
export function withSseData(event: string, data: string): string {
  const kept = event.split("\n").filter((line) => !line.startsWith("data:"));
  kept.push(`data: ${data}`);
  return kept.join("\n");
}
