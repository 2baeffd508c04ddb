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
});
