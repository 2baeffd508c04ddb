// next-auth's credentials callback, called as a browser would, against the real database:
// it demands the CSRF token (double-submit cookie) and sets HttpOnly, SameSite=Lax session
// cookies, Secure (with the __Secure- prefix) when the dashboard is served over https.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../test-env";
import { newTenant, testDb } from "../test-tenant";

process.env.DATABASE_URL = testDatabaseUrl();
// These tests choose the origin (http or https) per request; a fixed AUTH_URL would override it.
delete process.env.AUTH_URL;
process.env.AUTH_SECRET ??= randomBytes(24).toString("base64url");
process.env.TOOLGATE_SECRET_KEY ??= randomBytes(32).toString("base64");

const { handlers } = await import("../../src/auth");
const db = testDb();
let account: Awaited<ReturnType<typeof newTenant>>;

beforeAll(async () => {
  account = await newTenant(db, "cookies");
});
afterAll(() => db.$disconnect());

type Cookie = { name: string; value: string; attributes: string[] };

function cookiesOf(response: Response): Cookie[] {
  return response.headers.getSetCookie().map((line) => {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    return {
      name: pair.slice(0, eq),
      value: pair.slice(eq + 1),
      attributes: attributes.map((a) => a.toLowerCase()),
    };
  });
}

async function csrf(origin: string) {
  const response = await handlers.GET(new NextRequest(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = cookiesOf(response).find((c) => c.name.endsWith("authjs.csrf-token"));
  if (cookie === undefined) throw new Error("no csrf cookie");
  return { csrfToken, cookie };
}

async function callback(origin: string, fields: Record<string, string>, cookie?: Cookie) {
  const headers = new Headers({
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 250)}`,
  });
  if (cookie !== undefined) headers.set("cookie", `${cookie.name}=${cookie.value}`);
  return handlers.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers,
      body: new URLSearchParams({
        email: account.email,
        password: account.password,
        callbackUrl: `${origin}/servers`,
        ...fields,
      }),
    }),
  );
}

function sessionCookie(response: Response): Cookie | undefined {
  return cookiesOf(response).find((c) => c.name.endsWith("authjs.session-token") && c.value !== "");
}

describe("credentials callback", () => {
  it("refuses a login without the CSRF token, setting no session", async () => {
    const response = await callback("http://localhost:3000", {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("MissingCSRF");
    expect(sessionCookie(response)).toBeUndefined();
  });

  it("refuses a CSRF token that does not match the cookie", async () => {
    const { cookie } = await csrf("http://localhost:3000");
    const response = await callback("http://localhost:3000", { csrfToken: "forged" }, cookie);
    expect(response.headers.get("location")).toContain("MissingCSRF");
    expect(sessionCookie(response)).toBeUndefined();
  });

  it("logs in with the token and sets an HttpOnly, SameSite=Lax session cookie (not Secure over http)", async () => {
    const { csrfToken, cookie } = await csrf("http://localhost:3000");
    expect(cookie.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    const response = await callback("http://localhost:3000", { csrfToken }, cookie);
    expect(response.headers.get("location")).toBe("http://localhost:3000/servers");
    const session = sessionCookie(response);
    expect(session?.name).toBe("authjs.session-token");
    expect(session?.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(session?.attributes).not.toContain("secure");
  });

  it("marks every cookie Secure, with the __Secure-/__Host- prefix, over https", async () => {
    const { csrfToken, cookie } = await csrf("https://dashboard.example.test");
    expect(cookie.name).toBe("__Host-authjs.csrf-token");
    const response = await callback("https://dashboard.example.test", { csrfToken }, cookie);
    const session = sessionCookie(response);
    expect(session?.name).toBe("__Secure-authjs.session-token");
    expect(session?.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure"]));
    for (const each of cookiesOf(response)) expect(each.attributes).toContain("secure");
  });
});
