import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { publishPolicy } from "@toolgate/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { catalogueUpstream } from "../support/catalogue-upstream";
import { connectClient } from "../support/connect-client";
import { type SeededTenant, seedTenant } from "../support/seed-tenant";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway";
import { testDb } from "../support/test-db";
import { toolText } from "../support/tool-text";
import { type RecordingUpstream, startRecordingUpstream } from "./recording-upstream";

// The policy in force for every case: deny by default, one tool, public files and one prompt allowed.
const POLICY = {
  version: "1",
  default: "deny",
  tools: { ReadThing: {} },
  resources: { "file:///public/*": {} },
  prompts: { greeting: {} },
};

let upstream: RecordingUpstream;
let gateway: TestGateway;
let seeded: SeededTenant;
let url: string;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gateway = await startTestGateway(testDb);
  seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: POLICY });
  url = `${gateway.url}${seeded.path}`;
});

beforeEach(() => {
  upstream.requests.length = 0;
  upstream.toolsListOverride = null;
  upstream.replay = [];
  upstream.replayGate = null;
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

const methodsReceived = () => upstream.rpcMessages().map((message) => message.method);

function post(body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${seeded.token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body,
  });
}

async function rpcError(response: Response): Promise<{ code: number; message: string }> {
  const body = (await response.json()) as { error: { code: number; message: string } };
  return body.error;
}

describe("1. duplicate keys: the upstream gets the evaluated message or nothing", () => {
  it("refuses a tools/call that names a tool twice, and the upstream receives nothing", async () => {
    const body = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"DeleteThing","name":"ReadThing","arguments":{}}}`;
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await rpcError(response)).message).toContain("repeats a key");
    expect(upstream.requests).toHaveLength(0);
  });

  it("refuses a repeated key nested in the arguments too", async () => {
    const body = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ReadThing","arguments":{"id":"a","id":"b"}}}`;
    expect((await post(body)).status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it("forwards the message as the gateway serialised it, not the client's bytes", async () => {
    // "\u0044" is "D": another parser must not be able to read anything but the evaluated ReadThing.
    const body = `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"Read\\u0054hing",  "arguments":{"id":"x"}}}`;
    const response = await post(body);
    expect(response.status).toBe(200);
    const received = upstream.requests.find((request) => request.method === "POST");
    expect(received?.body.toString("utf8")).toBe(JSON.stringify(JSON.parse(body)));
    expect(received?.body.toString("utf8")).toContain('"name":"ReadThing"');
  });
});

describe("2. charsets: only UTF-8 JSON, and the Content-Type upstream is the gateway's own", () => {
  it("refuses a body declared in another charset; the upstream receives nothing", async () => {
    const body =
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ReadThing","arguments":{}}}';
    const response = await post(body, { "content-type": "application/json; charset=utf-7" });
    expect(response.status).toBe(415);
    expect((await rpcError(response)).message).toContain("UTF-8");
    expect(upstream.requests).toHaveLength(0);
  });

  it("refuses bytes that are not valid UTF-8; the upstream receives nothing", async () => {
    const body = Buffer.concat([
      Buffer.from('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"Read'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Thing","arguments":{}}}'),
    ]);
    expect((await post(body)).status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it("sends application/json, whatever the client declared", async () => {
    const body =
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ReadThing","arguments":{}}}';
    expect((await post(body, { "content-type": "application/json; charset=UTF-8; x=1" })).status).toBe(200);
    const posts = upstream.requests.filter((request) => request.method === "POST");
    expect(posts.map((request) => request.headers["content-type"])).toEqual(["application/json"]);
  });
});

describe("3. resources, prompts and completions are governed", () => {
  it("denies a resource no rule allows without contacting the upstream, and reads an allowed one", async () => {
    const client = await connectClient(url, seeded.token);
    upstream.requests.length = 0;
    await expect(client.readResource({ uri: "file:///etc/passwd" })).rejects.toThrow(
      /\[POLICY DENIED\].*\(default deny\)/,
    );
    await expect(client.readResource({ uri: "file:///public/../etc/passwd" })).rejects.toThrow(
      /POLICY DENIED/,
    );
    const readme = await client.readResource({ uri: "file:///public/readme.md" });
    await client.close();
    expect(JSON.stringify(readme.contents)).toContain("public readme");
    const reads = upstream.rpcMessages().filter((message) => message.method === "resources/read");
    expect(reads.map((message) => message.params?.uri)).toEqual(["file:///public/readme.md"]);
  });

  it("names the resource rule that denied, as a JSON pointer", async () => {
    const denying = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow", resources: { "file:///etc/*": { action: "deny" } } },
    });
    const client = await connectClient(`${gateway.url}${denying.path}`, denying.token);
    await expect(client.readResource({ uri: "file:///etc/passwd" })).rejects.toThrow(
      "/resources/file:~1~1~1etc~1*",
    );
    await client.close();
    expect(upstream.rpcMessages().some((message) => message.method === "resources/read")).toBe(false);
  });

  it("denies resources/subscribe like resources/read", async () => {
    const client = await connectClient(url, seeded.token);
    await expect(client.subscribeResource({ uri: "file:///etc/passwd" })).rejects.toThrow(/POLICY DENIED/);
    await client.close();
    expect(methodsReceived()).not.toContain("resources/subscribe");
  });

  it("lists only the resources, templates and prompts the policy allows", async () => {
    const client = await connectClient(url, seeded.token);
    const { resources } = await client.listResources();
    const { resourceTemplates } = await client.listResourceTemplates();
    const { prompts } = await client.listPrompts();
    await client.close();
    expect(resources.map((resource) => resource.uri)).toEqual(["file:///public/readme.md"]);
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(["file:///public/docs/{page}"]);
    expect(prompts.map((prompt) => prompt.name)).toEqual(["greeting"]);
  });

  it("denies prompts/get for a prompt no rule allows; the upstream receives only the allowed one", async () => {
    const client = await connectClient(url, seeded.token);
    await expect(client.getPrompt({ name: "secret_prompt", arguments: { topic: "x" } })).rejects.toThrow(
      /POLICY DENIED/,
    );
    const greeting = await client.getPrompt({ name: "greeting", arguments: { who: "ada" } });
    await client.close();
    expect(JSON.stringify(greeting.messages)).toContain("hello ada");
    const gets = upstream.rpcMessages().filter((message) => message.method === "prompts/get");
    expect(gets.map((message) => message.params?.name)).toEqual(["greeting"]);
  });

  it("answers completion/complete only for prompts and templates the agent may use", async () => {
    const client = await connectClient(url, seeded.token);
    upstream.requests.length = 0;
    await expect(
      client.complete({
        ref: { type: "ref/resource", uri: "file:///logs/{name}" },
        argument: { name: "name", value: "s" },
      }),
    ).rejects.toThrow(/POLICY DENIED/);
    await expect(
      client.complete({
        ref: { type: "ref/prompt", name: "secret_prompt" },
        argument: { name: "topic", value: "" },
      }),
    ).rejects.toThrow(/POLICY DENIED/);
    const allowed = await client.complete({
      ref: { type: "ref/resource", uri: "file:///public/docs/{page}" },
      argument: { name: "page", value: "" },
    });
    await client.close();
    expect(allowed.completion.values).toEqual(["intro"]);
    const completions = upstream.rpcMessages().filter((message) => message.method === "completion/complete");
    expect(completions).toHaveLength(1);
  });

  it("refuses a governed request hidden in a batch or sent as a notification", async () => {
    const read = { jsonrpc: "2.0", method: "resources/read", params: { uri: "file:///etc/passwd" } };
    expect((await post(JSON.stringify([{ ...read, id: 1 }]))).status).toBe(400);
    expect((await post(JSON.stringify(read))).status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("5. replayed and GET streams are filtered like any response", () => {
  it("filters a tools/list replayed after Last-Event-ID, drops updates of unreadable resources, keeps list_changed", async () => {
    upstream.replay = [
      {
        jsonrpc: "2.0",
        id: 3,
        result: {
          tools: [
            { name: "ReadThing", inputSchema: { type: "object" } },
            { name: "DeleteThing", inputSchema: { type: "object" } },
          ],
        },
      },
      { jsonrpc: "2.0", id: 4, result: { resources: [{ uri: "file:///etc/passwd", name: "passwd" }] } },
      { jsonrpc: "2.0", method: "notifications/resources/updated", params: { uri: "file:///etc/passwd" } },
      { jsonrpc: "2.0", method: "notifications/tools/list_changed" },
    ];
    const response = await fetch(url, {
      headers: {
        authorization: `Bearer ${seeded.token}`,
        accept: "text/event-stream",
        "last-event-id": "replayed-0",
      },
    });
    const text = await response.text();
    expect(upstream.requests.map((request) => request.headers["last-event-id"])).toEqual(["replayed-0"]);
    expect(text).toContain("ReadThing");
    expect(text).not.toContain("DeleteThing");
    expect(text).not.toContain("/etc/passwd");
    expect(text).toContain("notifications/tools/list_changed");
  });
});

describe("5b. a long-lived GET stream follows policy changes", () => {
  it("filters a listing sent after the policy changed by the new policy", async () => {
    const tenant = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: POLICY });
    const tenantUrl = `${gateway.url}${tenant.path}`;
    let release = () => {};
    upstream.replayGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    upstream.replay = [
      { jsonrpc: "2.0", id: 3, result: { tools: [{ name: "ReadThing", inputSchema: { type: "object" } }] } },
    ];
    const stream = fetch(tenantUrl, {
      headers: { authorization: `Bearer ${tenant.token}`, accept: "text/event-stream", "last-event-id": "x" },
    });
    // The stream is open at the upstream under the first policy before the policy changes.
    await expect
      .poll(() => upstream.requests.some((request) => request.method === "GET"), { timeout: 15_000 })
      .toBe(true);
    await publishPolicy(testDb, tenant.tenantId, tenant.serverId, {
      document: { version: "1", default: "deny", hide: ["ReadThing"] },
    });
    const listed = async () => {
      const client = await connectClient(tenantUrl, tenant.token);
      const { tools } = await client.listTools();
      await client.close();
      return tools.map((tool) => tool.name);
    };
    await expect.poll(listed, { timeout: 15_000 }).toEqual([]);
    release();
    const text = await (await stream).text();
    expect(text).not.toContain("ReadThing");
  });
});

describe("6. pinning fails closed and matches canonical names", () => {
  it("quarantines a reviewed tool whose new definition cannot be parsed; no spelling of it reaches the upstream", async () => {
    const pinned = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    await catalogueUpstream(testDb, { ...pinned, upstreamUrl: upstream.url });
    upstream.toolsListOverride = [
      {
        name: "ReadThing",
        description: "Reads a thing.",
        inputSchema: { type: "object" },
        annotations: null,
      },
    ];
    const client = await connectClient(`${gateway.url}${pinned.path}`, pinned.token);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([]);
    upstream.requests.length = 0;
    for (const name of ["ReadThing", "readthing", "ＲｅａｄＴｈｉｎｇ"]) {
      const result = await client.callTool({ name, arguments: {} });
      expect(toolText(result)).toContain("(quarantined)");
    }
    await client.close();
    expect(methodsReceived()).not.toContain("tools/call");
    // Recorded off the response path, for the catalogue and every other gateway.
    const state = async () =>
      (await testDb.tool.findFirstOrThrow({ where: { serverId: pinned.serverId, name: "ReadThing" } }))
        .pinState;
    await expect.poll(state, { timeout: 15_000 }).toBe("quarantined");
  });
});

describe("host and shape checks", () => {
  it("answers 421 to a Host the gateway does not serve (DNS rebinding); the upstream receives nothing", async () => {
    const { request } = await import("node:http");
    const target = new URL(url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            host: "evil.example.com",
            authorization: `Bearer ${seeded.token}`,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on("error", reject);
      req.end('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ReadThing","arguments":{}}}');
    });
    expect(status).toBe(421);
    expect(upstream.requests).toHaveLength(0);
  });

  it("accepts the localhost names when bound to loopback", async () => {
    const viaLocalhost = new Client({ name: "localhost", version: "1" });
    const local = url.replace("127.0.0.1", "localhost");
    await viaLocalhost.connect(
      new StreamableHTTPClientTransport(new URL(local), {
        requestInit: { headers: { authorization: `Bearer ${seeded.token}` } },
      }),
    );
    const result = await viaLocalhost.callTool({ name: "ReadThing", arguments: {} });
    await viaLocalhost.close();
    expect(toolText(result)).toBe("read ok");
  });

  it("answers tools/call without a name with -32602; the upstream receives nothing", async () => {
    const response = await post('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{}}}');
    expect((await rpcError(response)).code).toBe(-32602);
    expect(upstream.requests).toHaveLength(0);
  });

  it("refuses a body nested thousands of levels deep; the upstream receives nothing", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const body = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ReadThing","arguments":{"x":${deep}}}}`;
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await rpcError(response)).message).toContain("levels deep");
    expect(upstream.requests).toHaveLength(0);
  });
});
