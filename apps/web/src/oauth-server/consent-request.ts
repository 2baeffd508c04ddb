import { z } from "zod";

/**
 * What the consent page shows about one authorization request, written by the authorization server
 * when it hands the browser to the dashboard (the client's metadata is only resolved there).
 */
export const consentRequestSchema = z.object({
  clientId: z.string(),
  clientName: z.string(),
  logoUri: z.string().nullable(),
  redirectHost: z.string(),
  /** true for a Client ID Metadata Document (the client_id URL's host vouches for it); false for DCR. */
  verified: z.boolean(),
  resource: z.string(),
  serverSlug: z.string(),
  returnTo: z.string(),
});

export type ConsentRequest = z.infer<typeof consentRequestSchema>;

/** The OAuthRecord kind under which consent requests are kept, by interaction uid. */
export const CONSENT_REQUEST_KIND = "ConsentRequest";

/** What the dashboard writes into the interaction when the member approves. */
export const toolgateResultSchema = z.object({ grantId: z.string(), resource: z.string() });
