import { forwardToOAuthServer } from "@/server/oauth/forward-to-oauth-server";

// The tenant's authorization server (oidc-provider) runs in its own process; see src/oauth-server.
export const dynamic = "force-dynamic";
export const GET = forwardToOAuthServer;
export const POST = forwardToOAuthServer;
