/** The text of a tools/call result's first content item ("" if there is none). */
export function toolText(result: unknown): string {
  if (typeof result !== "object" || result === null || !("content" in result)) return "";
  const content = (result as { content: unknown }).content;
  if (!Array.isArray(content)) return "";
  const first: unknown = content[0];
  return typeof first === "object" && first !== null && "text" in first && typeof first.text === "string"
    ? first.text
    : "";
}
