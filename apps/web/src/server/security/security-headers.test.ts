import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";
import { sessionCookieConfig } from "./session-cookie";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the response's nonce and forbids framing", () => {
    const policy = contentSecurityPolicy("abc123", { dev: false });
    const directives = new Map(
      policy.split("; ").map((directive) => {
        const [name = "", ...values] = directive.split(" ");
        return [name, values];
      }),
    );
    expect(directives.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(policy).not.toContain("unsafe-eval");
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("keeps forms on this origin, except on the OAuth consent page whose answer redirects to the client", () => {
    expect(contentSecurityPolicy("n", { dev: false })).toContain("form-action 'self'");
    const consent = contentSecurityPolicy("n", { dev: false, formRedirects: true });
    expect(consent).not.toContain("form-action");
    expect(consent).toContain("frame-ancestors 'none'");
  });

  it("makes a different nonce every time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
  });
});

describe("sessionCookieConfig", () => {
  it("names the session cookie __Host- (Secure, Path=/, no Domain) when the dashboard is served over https", () => {
    const config = sessionCookieConfig("https://toolgate.example.com");
    expect(config.useSecureCookies).toBe(true);
    expect(config.cookies?.sessionToken.name).toBe("__Host-authjs.session-token");
    expect(config.cookies?.sessionToken.options).toEqual({
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: true,
    });
    expect(config.cookies?.sessionToken.options).not.toHaveProperty("domain");
  });

  it("keeps the library's defaults over plain http, where browsers refuse __Host- cookies", () => {
    expect(sessionCookieConfig("http://localhost:3000")).toEqual({});
    expect(sessionCookieConfig(undefined)).toEqual({});
  });
});
