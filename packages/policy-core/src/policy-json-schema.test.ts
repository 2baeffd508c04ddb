import { policyJsonSchema } from "./policy-json-schema";

describe("policyJsonSchema", () => {
  it("is a draft 2020-12 schema that forbids unknown fields and names every top-level field", () => {
    expect(policyJsonSchema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      additionalProperties: false,
      required: ["version", "default"],
    });
    const properties = "properties" in policyJsonSchema ? policyJsonSchema.properties : {};
    expect(Object.keys(properties ?? {}).sort()).toEqual([
      "$schema",
      "all_tools",
      "default",
      "hide",
      "prompts",
      "resources",
      "tools",
      "version",
    ]);
  });

  it("describes rules with every rule field", () => {
    const text = JSON.stringify(policyJsonSchema);
    for (const field of [
      "action",
      "on_deny",
      "reason",
      "limits",
      "rate_limit",
      "require",
      "deny_if",
      "approval",
    ]) {
      expect(text).toContain(`"${field}"`);
    }
  });
});
