import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** A successful tool result carrying JSON data as text, the way most MCP servers answer. */
export function jsonReply(data: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(data, null, 2) }] };
}

/** A tool-level failure the agent can read and act on (not a protocol error). */
export function errorReply(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

/** A successful tool result carrying one image. */
export function imageReply(image: Buffer, mimeType: string, caption: string): CallToolResult {
  return {
    content: [
      { type: "image", data: image.toString("base64"), mimeType },
      { type: "text", text: caption },
    ],
  };
}
