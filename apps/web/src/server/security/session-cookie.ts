/**
 * next-auth cookie settings: over https the session cookie is `__Host-` (Secure, Path=/, no Domain), so
 * neither a sibling subdomain nor plain http can set or overwrite it. Over http (local dev, tests) the
 * library's defaults stay, since browsers refuse `__Host-` cookies without https.
 */
export function sessionCookieConfig(authUrl: string | undefined) {
  const secure = authUrl?.startsWith("https://") ?? false;
  if (!secure) return {};
  return {
    useSecureCookies: true,
    cookies: {
      sessionToken: {
        name: "__Host-authjs.session-token",
        options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true },
      },
    },
  };
}
