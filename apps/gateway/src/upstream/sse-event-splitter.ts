import { StringDecoder } from "node:string_decoder";

/** Splits a text/event-stream into complete events (the text between blank lines), chunk by chunk. */
export class SseEventSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private buffer = "";
  private endedWithCr = false;

  /** Feeds bytes; returns the events they completed, with line endings normalised to "\n". */
  push(chunk: Buffer): string[] {
    let text = this.decoder.write(chunk);
    // A "\r\n" split across two chunks is one line ending, not two.
    if (this.endedWithCr && text.startsWith("\n")) text = text.slice(1);
    this.endedWithCr = text.endsWith("\r");
    this.buffer += text.replace(/\r\n?/g, "\n");
    const events: string[] = [];
    let end = this.buffer.indexOf("\n\n");
    while (end !== -1) {
      events.push(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
      end = this.buffer.indexOf("\n\n");
    }
    return events;
  }

  /** Whatever remains unterminated when the stream ends. */
  rest(): string {
    return this.buffer + this.decoder.end();
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
