import { z } from "zod";

export type ArgumentType = "string" | "number" | "integer" | "boolean" | "array" | "object" | "unknown";

/** One argument a condition or the simulator form can name, from the tool's input schema. */
export type ArgumentField = {
  name: string;
  path: string;
  type: ArgumentType;
  enumValues: (string | number | boolean)[] | undefined;
  required: boolean;
  description: string | undefined;
};

const propertySchema = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  enum: z.array(z.unknown()).optional(),
  description: z.string().optional(),
});

const inputSchemaSchema = z.looseObject({
  properties: z.record(z.string(), z.unknown()).optional(),
  required: z.array(z.string()).optional(),
});

const KNOWN_TYPES: ArgumentType[] = ["string", "number", "integer", "boolean", "array", "object"];

function typeOf(raw: string | string[] | undefined): ArgumentType {
  const first = Array.isArray(raw) ? raw.find((t) => t !== "null") : raw;
  return KNOWN_TYPES.find((known) => known === first) ?? "unknown";
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** The top-level arguments of an input schema (an untrusted server's JSON: parsed leniently). */
export function argumentFields(inputSchema: unknown): ArgumentField[] {
  const parsed = inputSchemaSchema.safeParse(inputSchema);
  if (!parsed.success) return [];
  const required = new Set(parsed.data.required ?? []);
  return Object.entries(parsed.data.properties ?? {}).map(([name, raw]) => {
    const property = propertySchema.safeParse(raw);
    const data = property.success ? property.data : {};
    const enumValues = data.enum?.filter(isScalar);
    return {
      name,
      path: `args.${name}`,
      type: typeOf(data.type),
      enumValues: enumValues !== undefined && enumValues.length > 0 ? enumValues : undefined,
      required: required.has(name),
      description: data.description,
    };
  });
}

const ACTION_NAMES = ["action", "operation", "op", "command"];

/** The enum argument that selects what a portmanteau tool does (e.g. `action`), if it has one. */
export function portmanteauArgument(fields: ArgumentField[]): ArgumentField | undefined {
  return fields.find(
    (field) => ACTION_NAMES.includes(field.name.toLowerCase()) && field.enumValues !== undefined,
  );
}
