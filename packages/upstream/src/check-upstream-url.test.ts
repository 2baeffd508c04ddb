import { describe, expect, it } from "vitest";
import { checkUpstreamUrl } from "./check-upstream-url";
import { UpstreamError } from "./upstream-error";

const strict = { allowPrivateAddresses: false };
const selfHosted = { allowPrivateAddresses: true };

async function codeOf(url: string, policy = strict): Promise<string> {
  try {
    await checkUpstreamUrl(url, policy);
    return "allowed";
  } catch (error) {
    if (error instanceof UpstreamError) return error.code;
    throw error;
  }
}

describe("checkUpstreamUrl", () => {
  // [url, code by default, code in self-hosted mode]
  it.each([
    ["http://127.0.0.1:4100/mcp", "blocked_address", "allowed"],
    ["http://localhost:4100/mcp", "blocked_address", "allowed"],
    ["http://2130706433/mcp", "blocked_address", "allowed"], // decimal
    ["http://0x7f000001/mcp", "blocked_address", "allowed"], // hex
    ["http://0x7f.0.0.1/mcp", "blocked_address", "allowed"], // hex octet
    ["http://0177.0.0.1/mcp", "blocked_address", "allowed"], // octal
    ["http://017700000001/mcp", "blocked_address", "allowed"], // octal, one number
    ["http://127.1/mcp", "blocked_address", "allowed"], // short form
    ["http://127.0.1/mcp", "blocked_address", "allowed"],
    ["http://0/mcp", "blocked_address", "blocked_address"], // 0.0.0.0
    ["http://0.0.0.0:8080/", "blocked_address", "blocked_address"],
    ["http://[::1]:4100/mcp", "blocked_address", "allowed"],
    ["http://[::]/mcp", "blocked_address", "blocked_address"],
    ["http://[::ffff:127.0.0.1]/mcp", "blocked_address", "allowed"],
    ["http://[::ffff:169.254.169.254]/", "blocked_address", "blocked_address"],
    ["http://[64:ff9b::10.0.0.1]/", "blocked_address", "allowed"],
    ["http://[fe80::1]/", "blocked_address", "blocked_address"],
    ["http://[fd00::1]/", "blocked_address", "allowed"],
    ["http://169.254.169.254/latest/meta-data/", "blocked_address", "blocked_address"],
    ["http://0xa9fea9fe/", "blocked_address", "blocked_address"], // 169.254.169.254 in hex
    ["http://2852039166/", "blocked_address", "blocked_address"], // 169.254.169.254 in decimal
    ["http://10.0.0.5/mcp", "blocked_address", "allowed"],
    ["http://192.168.0.10/mcp", "blocked_address", "allowed"],
    ["http://100.64.1.1/mcp", "blocked_address", "allowed"],
    ["https://8.8.8.8/mcp", "allowed", "allowed"],
    ["http://[2606:4700:4700::1111]/mcp", "allowed", "allowed"],
    ["ftp://example.com/mcp", "bad_url", "bad_url"],
    ["file:///etc/passwd", "bad_url", "bad_url"],
    ["javascript:alert(1)", "bad_url", "bad_url"],
    ["not a url", "bad_url", "bad_url"],
    ["http://1.2.3.4.5/", "bad_url", "bad_url"],
    ["http://mcp.example.invalid/mcp", "dns", "dns"],
  ])("%s → %s (self-hosted: %s)", async (url, expected, expectedSelfHosted) => {
    expect(await codeOf(url)).toBe(expected);
    expect(await codeOf(url, selfHosted)).toBe(expectedSelfHosted);
  });

  it("explains refusals in plain language", async () => {
    await expect(checkUpstreamUrl("http://localhost:4100/mcp", strict)).rejects.toThrow(
      /^localhost resolves to (127\.0\.0\.1|::1), a private or loopback address; Toolgate does not connect to it\. .*TOOLGATE_ALLOW_PRIVATE_UPSTREAMS=1/,
    );
    await expect(checkUpstreamUrl("http://mcp.example.invalid/", strict)).rejects.toThrow(
      "Could not resolve host mcp.example.invalid",
    );
    await expect(checkUpstreamUrl("http://169.254.169.254/", selfHosted)).rejects.toThrow(
      "169.254.169.254 is a reserved or internal address; Toolgate does not connect to it.",
    );
  });

  it("returns the normalised URL when allowed", async () => {
    const url = await checkUpstreamUrl("http://0x7f000001:4100/mcp", selfHosted);
    expect(url.href).toBe("http://127.0.0.1:4100/mcp");
  });
});
