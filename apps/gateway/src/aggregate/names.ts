import { DEFAULT_SEPARATOR, prefixedName } from "@toolgate/upstream";

export { DEFAULT_SEPARATOR, MAX_NAME_LENGTH, prefixedName } from "@toolgate/upstream";

export type NameTarget = { serverSlug: string; name: string };

/** Which server and original name each exposed name stands for; rebuilt from every list. */
export class NameMap {
  private readonly byExposed = new Map<string, NameTarget>();

  /** `prefixes`: a server's tool prefix when it is not its slug. */
  constructor(
    private readonly separator = DEFAULT_SEPARATOR,
    private readonly prefixes: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** What a server's names start with, before the separator: its own prefix, or its slug. */
  prefixOf(serverSlug: string): string {
    return this.prefixes.get(serverSlug) ?? serverSlug;
  }

  /** Records a server's name and returns the name the client sees. */
  expose(serverSlug: string, name: string): string {
    const exposed = prefixedName(this.prefixOf(serverSlug), name, this.separator);
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
