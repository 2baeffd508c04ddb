import { describe, expect, it } from "vitest";
import { SseEventSplitter, sseData, withSseData } from "./sse-event-splitter";

describe("SseEventSplitter", () => {
  it("reassembles events split anywhere, including inside a CRLF or a multi-byte character", () => {
    const text = 'event: message\r\nid: 1\r\ndata: {"a":"é"}\r\n\r\ndata: two\r\n\r\ndata: par';
    const bytes = Buffer.from(text);
    const splitter = new SseEventSplitter();
    const events: string[] = [];
    for (let i = 0; i < bytes.length; i += 3) events.push(...splitter.push(bytes.subarray(i, i + 3)));
    expect(events).toEqual(['event: message\nid: 1\ndata: {"a":"é"}', "data: two"]);
    expect(splitter.rest()).toBe("data: par");
  });

  it("joins multi-line data and replaces it keeping the other fields", () => {
    expect(sseData("id: 7\ndata: a\ndata:b")).toBe("a\nb");
    expect(sseData(": comment")).toBeUndefined();
    expect(withSseData("event: message\nid: 7\ndata: old", "new")).toBe("event: message\nid: 7\ndata: new");
  });

  it("gives the same events however the stream is cut, blank lines straddling chunks included", () => {
    const text = "data: a\n\ndata: b\r\n\r\n\n\ndata: c\nid: 3\n\ndata: d";
    const whole = new SseEventSplitter();
    const expected = whole.push(Buffer.from(text));
    expect(expected).toEqual(["data: a", "data: b", "", "data: c\nid: 3"]);
    for (let size = 1; size <= 7; size++) {
      const splitter = new SseEventSplitter();
      const events: string[] = [];
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += size) events.push(...splitter.push(bytes.subarray(i, i + size)));
      expect(events).toEqual(expected);
      expect(splitter.rest()).toBe("data: d");
    }
  });

  it("refuses one event over the size cap with a clear error, however it is chunked", () => {
    const splitter = new SseEventSplitter(1_000);
    const chunk = Buffer.from("x".repeat(100));
    expect(splitter.push(Buffer.from("data: "))).toEqual([]);
    const feed = () => {
      for (let i = 0; i < 20; i++) splitter.push(chunk);
    };
    expect(feed).toThrow(/one event of over 1000 characters/);
  });

  it("keeps a long event arriving in many small chunks intact", () => {
    const splitter = new SseEventSplitter();
    const piece = Buffer.from("y".repeat(64));
    splitter.push(Buffer.from("data: "));
    for (let i = 0; i < 20_000; i++) expect(splitter.push(piece)).toEqual([]);
    const [event] = splitter.push(Buffer.from("\n\n"));
    expect(event?.length).toBe(6 + 64 * 20_000);
  });
});
