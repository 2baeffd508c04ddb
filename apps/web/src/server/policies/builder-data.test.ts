import { saveResourceCatalogue } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { loadBuilderData } from "./builder-data";

const db = testDb();
afterAll(() => db.$disconnect());

describe("loadBuilderData", () => {
  it("gives the builder the server's catalogued resources, templates (keyed by URI pattern) and prompts", async () => {
    const { ctx } = await newTenant(db, "builder-data");
    const server = await newServerRow(db, ctx.tenantId);
    await saveResourceCatalogue(db, ctx.tenantId, server.id, {
      resources: [
        { kind: "template", uri: "vbox://vms/{name}/config", name: "vm-config", title: "VM configuration" },
        { kind: "resource", uri: "vbox://host/info", name: "host-info", description: "The host." },
      ],
      prompts: [{ name: "triage-vm", description: "Triage one VM." }],
    });
    const data = await loadBuilderData(db, ctx, server.id);
    expect(data.accessCatalogue).toEqual({
      resources: [
        {
          kind: "resource",
          key: "vbox://host/info",
          listed: "vbox://host/info",
          title: null,
          description: "The host.",
        },
        {
          kind: "template",
          key: "vbox://vms/*/config",
          listed: "vbox://vms/{name}/config",
          title: "VM configuration",
          description: "",
        },
      ],
      prompts: [
        { kind: "prompt", key: "triage-vm", listed: "triage-vm", title: null, description: "Triage one VM." },
      ],
    });
  });
});
