import type { Server } from "@toolgate/db";

/** What the dashboard shows of a server: never the sealed upstream credentials. */
export type ServerView = {
  id: string;
  name: string;
  slug: string;
  /** What its tools and prompts are prefixed with on the tenant URL (its slug unless set). */
  toolPrefix: string;
  url: string;
  transport: string;
  hasHeaders: boolean;
  lastScannedAt: Date | null;
  createdAt: Date;
};

/** Strips a server row down to what may be rendered. */
export function toServerView(server: Server): ServerView {
  return {
    id: server.id,
    name: server.name,
    slug: server.slug,
    toolPrefix: server.toolPrefix ?? server.slug,
    url: server.url,
    transport: server.transport,
    hasHeaders: server.headersSealed !== null,
    lastScannedAt: server.lastScannedAt,
    createdAt: server.createdAt,
  };
}
