import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CallToolResult, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "./fixtures/virtualization-tools.json";
import { type DemoUpstream, startDemoUpstream } from "./start-demo-upstream";

let upstream: DemoUpstream;
const clients: Client[] = [];

beforeEach(async () => {
  upstream = await startDemoUpstream({ port: 0 });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await upstream.close();
});

async function connect(
  url = upstream.url,
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: "demo-upstream-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  clients.push(client);
  return { client, transport };
}

async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function json(result: CallToolResult): unknown {
  expect(result.isError ?? false).toBe(false);
  const first = result.content[0];
  if (first?.type !== "text") throw new Error("expected a text result");
  return JSON.parse(first.text);
}

function textOf(content: { uri: string } | undefined): string {
  if (content === undefined || !("text" in content) || typeof content.text !== "string") {
    throw new Error("expected a text resource");
  }
  return content.text;
}

function errorText(result: CallToolResult): string {
  expect(result.isError).toBe(true);
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

describe("demo upstream over Streamable HTTP", () => {
  it("lists and serves its resources, template and prompts, paginated like tools", async () => {
    const paged = await startDemoUpstream({ toolsPageSize: 1 });
    try {
      const { client } = await connect(paged.url);
      const first = await client.listResources();
      expect(first.resources.map((r) => r.uri)).toEqual(["vbox://host/info"]);
      const second = await client.listResources({ cursor: String(first.nextCursor) });
      expect(second.resources.map((r) => r.uri)).toEqual(["vbox://host/audit-log"]);
      expect(second.nextCursor).toBeUndefined();
      const templates = await client.listResourceTemplates();
      expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toEqual(["vbox://vms/{name}/config"]);
      const prompts = await client.listPrompts();
      expect(prompts.prompts.map((p) => p.name)).toEqual(["triage-vm"]);
      expect(prompts.nextCursor).toBe("1");

      const info = await client.readResource({ uri: "vbox://host/info" });
      expect(JSON.parse(textOf(info.contents[0]))).toMatchObject({
        vms: { total: expect.any(Number) },
      });
      const config = await client.readResource({ uri: "vbox://vms/ubuntu-web/config" });
      expect(JSON.parse(textOf(config.contents[0]))).toMatchObject({ name: "ubuntu-web" });
      await expect(client.readResource({ uri: "vbox://nope" })).rejects.toThrow(/Unknown resource/);
      const prompt = await client.getPrompt({ name: "triage-vm", arguments: { name: "ubuntu-web" } });
      expect(prompt.messages[0]?.content).toMatchObject({
        type: "text",
        text: expect.stringContaining("ubuntu-web"),
      });
      expect(paged.stats()).toMatchObject({
        resourceReads: { "vbox://host/info": 1, "vbox://vms/ubuntu-web/config": 1 },
        promptGets: { "triage-vm": 1 },
      });
    } finally {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await paged.close();
    }
  });

  it("lists exactly the fixture's tools, without the project-only category field", async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    const expected = fixture.tools.map(({ "x-expected-category": _category, ...tool }) => tool);
    expect(tools).toEqual(expected);
    expect(tools.some((tool) => "x-expected-category" in tool)).toBe(false);
    expect(client.getServerVersion()?.name).toBe("toolgate-demo-virtualization");
  });

  it("MountIso changes the VM state that ListVms and GetVmInfo report", async () => {
    const { client } = await connect();
    const iso = "/srv/isos/debian-12.8.0-amd64-netinst.iso";
    const before = json(await call(client, "GetVmInfo", { vm_name: "debian-db" }));
    expect(before).toMatchObject({ name: "debian-db", mounted_iso: null, optical_drive: null });

    const mounted = json(await call(client, "MountIso", { vm_name: "debian-db", iso_path: iso }));
    expect(mounted).toMatchObject({ vm_name: "debian-db", mounted: { path: iso, controller_name: "IDE" } });

    const info = json(await call(client, "GetVmInfo", { vm_name: "debian-db" }));
    expect(info).toMatchObject({
      mounted_iso: iso,
      optical_drive: { iso_path: iso, controller_name: "IDE" },
    });
    const list = json(await call(client, "ListVms", {})) as {
      vms: Array<{ name: string; mounted_iso: unknown }>;
    };
    expect(list.vms.find((vm) => vm.name === "debian-db")?.mounted_iso).toBe(iso);

    json(await call(client, "UnmountIso", { vm_name: "debian-db" }));
    expect(json(await call(client, "GetVmInfo", { vm_name: "debian-db" }))).toMatchObject({
      mounted_iso: null,
    });
  });

  it("shares one hypervisor between sessions of an instance, and not between instances", async () => {
    const first = await connect();
    const second = await connect();
    json(await call(first.client, "CreateVm", { name: "shared-vm", memory_mb: 2048 }));
    expect(json(await call(second.client, "GetVmState", { vm_name: "shared-vm" }))).toEqual({
      vm_name: "shared-vm",
      state: "stopped",
    });

    const other = await startDemoUpstream();
    try {
      const third = await connect(other.url);
      expect(errorText(await call(third.client, "GetVmState", { vm_name: "shared-vm" }))).toMatch(
        /not found/,
      );
    } finally {
      await other.close();
    }
  });

  it("portmanteau tools dispatch on their action argument", async () => {
    const { client } = await connect();
    json(await call(client, "vm_management", { action: "create", vm_name: "scratch", memory_mb: 1024 }));
    json(await call(client, "vm_management", { action: "start", vm_name: "scratch" }));
    expect(json(await call(client, "GetVmState", { vm_name: "scratch" }))).toMatchObject({
      state: "running",
    });

    const page = json(await call(client, "vm_management", { action: "list", limit: 2, offset: 1 }));
    expect(page).toMatchObject({ total: 5, offset: 1 });
    expect((page as { vms: unknown[] }).vms).toHaveLength(2);

    json(await call(client, "vm_management", { action: "stop", vm_name: "scratch" }));
    json(
      await call(client, "snapshot_management", {
        action: "create",
        vm_name: "scratch",
        snapshot_name: "s1",
      }),
    );
    const snapshots = json(await call(client, "ListSnapshots", { vm_name: "scratch" }));
    expect(snapshots).toMatchObject({ snapshots: [{ name: "s1" }] });

    json(await call(client, "vm_management", { action: "delete", vm_name: "scratch" }));
    expect(errorText(await call(client, "GetVmInfo", { vm_name: "scratch" }))).toMatch(/"scratch" not found/);
  });

  it("restoring a snapshot brings back the configuration it captured", async () => {
    const { client } = await connect();
    json(await call(client, "StopVm", { name: "ubuntu-web" }));
    json(await call(client, "ModifyVm", { vm_name: "ubuntu-web", memory_mb: 16384 }));
    expect(json(await call(client, "GetVmInfo", { vm_name: "ubuntu-web" }))).toMatchObject({
      memory_mb: 16384,
    });
    json(await call(client, "RestoreSnapshot", { vm_name: "ubuntu-web", snapshot_name: "clean-install" }));
    expect(json(await call(client, "GetVmInfo", { vm_name: "ubuntu-web" }))).toMatchObject({
      memory_mb: 4096,
      state: "stopped",
    });
  });

  it("reports bad arguments and refused operations as isError results with a clear message", async () => {
    const { client } = await connect();
    expect(errorText(await call(client, "GetVmInfo", { vm_name: "nope" }))).toMatch(
      /Virtual machine "nope" not found. Known VMs: /,
    );
    expect(errorText(await call(client, "MountIso", { vm_name: "debian-db" }))).toBe(
      "Invalid arguments for MountIso: iso_path is required",
    );
    expect(
      errorText(await call(client, "MountIso", { vm_name: "debian-db", iso_path: "/tmp/x.iso" })),
    ).toMatch(/ISO "\/tmp\/x.iso" not found/);
    expect(errorText(await call(client, "vm_management", { action: "start" }))).toBe(
      'vm_management action "start" requires vm_name.',
    );
    expect(errorText(await call(client, "vm_management", { action: "explode" }))).toMatch(
      /action: Invalid option/,
    );
    expect(errorText(await call(client, "StartVm", { name: "ubuntu-web" }))).toMatch(/already running/);
    expect(errorText(await call(client, "NoSuchTool", {}))).toBe('Unknown tool "NoSuchTool".');
  });

  it("returns a real PNG for a running VM's screenshot", async () => {
    const { client } = await connect();
    const result = await call(client, "GetVmScreenshot", { vm_name: "ubuntu-web" });
    const image = result.content[0];
    if (image?.type !== "image") throw new Error("expected an image");
    expect(image.mimeType).toBe("image/png");
    expect(Buffer.from(image.data, "base64").subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(errorText(await call(client, "GetVmScreenshot", { vm_name: "debian-db" }))).toMatch(/is stopped/);
  });

  it("counts tool calls and sessions, in process and at GET /stats", async () => {
    const { client } = await connect();
    await call(client, "ListVms");
    await call(client, "ListVms");
    await call(client, "GetVmInfo", { vm_name: "nope" });
    await client.readResource({ uri: "vbox://host/info" });
    await client.getPrompt({ name: "wipe-host" });
    const expected = {
      toolCalls: { ListVms: 2, GetVmInfo: 1 },
      faultedCalls: {},
      resourceReads: { "vbox://host/info": 1 },
      promptGets: { "wipe-host": 1 },
      sessions: 1,
    };
    expect(upstream.stats()).toEqual(expected);
    const response = await fetch(new URL("/stats", upstream.url));
    expect(await response.json()).toEqual(expected);
  });

  it("ends a session on DELETE and expires sessions whose clients went away", async () => {
    const { transport } = await connect();
    expect(upstream.stats().sessions).toBe(1);
    await transport.terminateSession();
    expect(upstream.stats().sessions).toBe(0);

    const quick = await startDemoUpstream({ sessionIdleMs: 20 });
    try {
      const { client } = await connect(quick.url);
      expect(quick.stats().sessions).toBe(1);
      await client.close(); // sends no DELETE
      await expect.poll(() => quick.stats().sessions, { timeout: 5000, interval: 10 }).toBe(0);
    } finally {
      await quick.close();
    }
  });

  it("serves changed tool descriptions and notifies connected clients", async () => {
    const { client } = await connect();
    let notified = false;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      notified = true;
    });
    upstream.setToolDescription("MountIso", "Mount an ISO and also do something sneaky.");
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === "MountIso")?.description).toBe(
      "Mount an ISO and also do something sneaky.",
    );
    // The notification travels on the client's GET stream, which opens shortly after connect: resend until it is up.
    await expect
      .poll(() => {
        upstream.setToolDescription("MountIso", "Mount an ISO and also do something sneaky.");
        return notified;
      })
      .toBe(true);
    expect(() => upstream.setToolDescription("Nope", "x")).toThrow(/no tool named "Nope"/);
  });

  it("pages tools/list when asked to", async () => {
    const paged = await startDemoUpstream({ toolsPageSize: 10 });
    try {
      const { client } = await connect(paged.url);
      const first = await client.listTools();
      expect(first.tools).toHaveLength(10);
      expect(first.nextCursor).toBe("10");
      const second = await client.listTools({ cursor: first.nextCursor });
      expect(second.tools[0]?.name).toBe(fixture.tools[10]?.name);
    } finally {
      await paged.close();
    }
  });

  it("fails a faulted tool at the transport level and counts it apart from real calls", async () => {
    const { client } = await connect();
    upstream.setFault("MountIso", "http_500");
    await expect(call(client, "MountIso", { vm_name: "debian-db", iso_path: "x" })).rejects.toThrow(
      /Injected fault for tool MountIso/,
    );
    expect(upstream.stats()).toMatchObject({ toolCalls: {}, faultedCalls: { MountIso: 1 } });

    const cleared = await fetch(new URL("/faults", upstream.url), {
      method: "POST",
      body: JSON.stringify({ tool: "MountIso", mode: null }),
    });
    expect(await cleared.json()).toEqual({});
    json(await call(client, "MountIso", { vm_name: "debian-db", iso_path: "alpine-virt-3.20.3-x86_64.iso" }));
    expect(upstream.stats().toolCalls).toEqual({ MountIso: 1 });

    upstream.setFault("ListVms", "disconnect");
    await expect(call(client, "ListVms")).rejects.toThrow();
    expect(upstream.stats().faultedCalls).toEqual({ MountIso: 1, ListVms: 1 });
  });
});
