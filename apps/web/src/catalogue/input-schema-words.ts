/** One argument of a tool, in plain words. */
export type ArgumentRow = { name: string; type: string; required: boolean; description?: string };

/** The top-level arguments of a JSON Schema, each as a name, a readable type, and whether it is required. */
export function describeInputSchema(schema: unknown): ArgumentRow[] {
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((key) => typeof key === "string") : [],
  );
  return Object.entries(schema.properties).map(([name, property]) => {
    const description =
      isRecord(property) && typeof property.description === "string" ? property.description : undefined;
    const row: ArgumentRow = { name, type: typeInWords(property), required: required.has(name) };
    return description === undefined ? row : { ...row, description };
  });
}

/** "text", "one of: a, b", "list of numbers", "yes/no"… for one schema node. */
export function typeInWords(property: unknown, depth = 0): string {
  if (!isRecord(property) || depth > 3) return "any value";
  if (Array.isArray(property.enum)) {
    const values = property.enum.map((value) => JSON.stringify(value));
    return `one of ${values.slice(0, 12).join(", ")}${values.length > 12 ? ", …" : ""}`;
  }
  if ("const" in property) return `exactly ${JSON.stringify(property.const)}`;
  const variants = property.anyOf ?? property.oneOf;
  if (Array.isArray(variants)) return variants.map((variant) => typeInWords(variant, depth + 1)).join(" or ");
  const type = Array.isArray(property.type) ? property.type.filter((t) => t !== "null")[0] : property.type;
  switch (type) {
    case "string":
      return withBounds("text", property);
    case "integer":
      return withBounds("whole number", property);
    case "number":
      return withBounds("number", property);
    case "boolean":
      return "yes/no";
    case "array":
      return `list of ${plural(typeInWords(property.items, depth + 1))}`;
    case "object":
      return isRecord(property.properties) && Object.keys(property.properties).length > 0
        ? `object with ${Object.keys(property.properties).slice(0, 6).join(", ")}`
        : "object";
    default:
      return "any value";
  }
}

function withBounds(noun: string, property: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof property.format === "string") parts.push(property.format);
  if (typeof property.minimum === "number") parts.push(`≥ ${property.minimum}`);
  if (typeof property.maximum === "number") parts.push(`≤ ${property.maximum}`);
  if (typeof property.maxLength === "number") parts.push(`up to ${property.maxLength} characters`);
  return parts.length === 0 ? noun : `${noun} (${parts.join(", ")})`;
}

function plural(words: string): string {
  if (words === "text") return "texts";
  if (words === "yes/no") return "yes/no values";
  if (words.startsWith("whole number")) return words.replace("whole number", "whole numbers");
  if (words.startsWith("number")) return words.replace("number", "numbers");
  if (words.startsWith("object")) return words.replace("object", "objects");
  return words;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
