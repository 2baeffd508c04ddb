import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

function isRecord(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Points zod's local `#/$defs/X` references at the document's `#/components/schemas/X`. */
function retarget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(retarget);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === "$ref" && typeof child === "string"
        ? [key, child.replace(/^#\/\$defs\//, "#/components/schemas/")]
        : [key, retarget(child)],
    ),
  );
}

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of what travels on the wire for `schema`;
 * named schemas (`.meta({ id })`) are moved into `components` and referenced from there.
 */
export function jsonSchemaFor(schema: z.ZodType, components: Record<string, JsonSchema>): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      // The ISO pattern zod adds is long and says no more than `format: date-time`.
      if (ctx.jsonSchema.format === "date-time") delete ctx.jsonSchema.pattern;
    },
  });
  const retargeted = retarget(generated);
  if (!isRecord(retargeted)) return {};
  const { $schema: _dialect, $defs, ...rest } = retargeted;
  if (isRecord($defs)) {
    for (const [name, definition] of Object.entries($defs)) {
      if (isRecord(definition)) components[name] = definition;
    }
  }
  return rest;
}
