import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { describe, expect, it } from "vitest";
import { sessionCookieConfig } from "./session-cookie";

/** Signs in through next-auth's real handlers (csrf → credentials callback) and returns the cookies set. */
async function signInCookies(baseUrl: string): Promise<string[]> {
  const { handlers } = NextAuth({
    ...sessionCookieConfig(baseUrl),
    trustHost: true,
    secret: "a-test-secret-of-at-least-32-characters!",
    session: { strategy: "jwt" },
    providers: [
      Credentials({
        credentials: { email: {} },
        authorize: async () => ({ id: "usr_1", email: "a@b.test" }),
      }),
    ],
  });
  const csrf = await handlers.GET(new NextRequest(`${baseUrl}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const callback = await handlers.POST(
    new NextRequest(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email: "a@b.test", callbackUrl: `${baseUrl}/` }),
    }),
  );
  return callback.headers.getSetCookie();
}

describe("the session cookie next-auth sets", () => {
  it("is __Host- with Secure and Path=/ and no Domain over https", async () => {
    const cookies = await signInCookies("https://dashboard.example.test");
    const session = cookies.find((cookie) => cookie.includes("session-token="));
    expect(session).toMatch(/^__Host-authjs\.session-token=/);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).not.toMatch(/Domain=/i);
  });

  it("is a plain cookie over http, where browsers refuse __Host- and __Secure- ones", async () => {
    const cookies = await signInCookies("http://localhost:3999");
    const session = cookies.find((cookie) => cookie.includes("session-token="));
    expect(session).toMatch(/^authjs\.session-token=/);
  });
});
