import { createHash } from "node:crypto";

/** Longest tool or prompt name many clients accept (a common limit of model APIs). */
export const MAX_NAME_LENGTH = 64;
/** Between the server slug and the upstream's own name: `<server-slug>__<tool>`. */
export const DEFAULT_SEPARATOR = "__";
const HASH_LENGTH = 8;

/**
 * The name a tool or prompt of a server gets on the tenant URL: `<prefix><separator><name>`.
 * Past 64 characters it is cut and ends with `-<8 hex of sha256>` of the full name, so the same
 * input always gives the same name and two different long names do not collide.
 */
export function prefixedName(prefix: string, name: string, separator = DEFAULT_SEPARATOR): string {
  const full = `${prefix}${separator}${name}`;
  if (full.length <= MAX_NAME_LENGTH) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, HASH_LENGTH);
  return `${full.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1)}-${hash}`;
}

export type NameTarget = { serverSlug: string; name: string };

/** Which server and original name each exposed name stands for; rebuilt from every list. */
export class NameMap {
  private readonly byExposed = new Map<string, NameTarget>();

  constructor(private readonly separator = DEFAULT_SEPARATOR) {}

  /** Records a server's name and returns the name the client sees. */
  expose(serverSlug: string, name: string): string {
    const exposed = prefixedName(serverSlug, name, this.separator);
    this.byExposed.set(exposed, { serverSlug, name });
    return exposed;
  }

  /** Forgets every name of one server (before relisting it, or when it is down). */
  forgetServer(serverSlug: string): void {
    for (const [exposed, target] of this.byExposed) {
      if (target.serverSlug === serverSlug) this.byExposed.delete(exposed);
    }
  }

  resolve(exposed: string): NameTarget | undefined {
    return this.byExposed.get(exposed);
  }

  /** Exposed names whose original name is `name`, for an error when a client calls an unprefixed name. */
  candidates(name: string): string[] {
    return [...this.byExposed].filter(([, target]) => target.name === name).map(([exposed]) => exposed);
  }
}
