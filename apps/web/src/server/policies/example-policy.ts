/** A starting policy for a server without one: deny by default, allow its read-only tools. */
export function examplePolicy(catalogue: { name: string; category: string }[]) {
  const readTools = catalogue
    .filter((tool) => tool.category === "Read")
    .map((tool) => [tool.name, {}] as const);
  return { version: "1", default: "deny", tools: Object.fromEntries(readTools) };
}
