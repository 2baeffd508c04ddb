/** Base class of every error @toolgate/db throws on purpose; `code` is stable for mappers. */
export class DbError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A user with this e-mail address already exists. */
export class EmailTakenError extends DbError {
  constructor(email: string, options?: { cause?: unknown }) {
    super("email_taken", `An account with the e-mail address ${email} already exists.`, options);
  }
}

/** The policy changed since the version the caller edited. */
export class PolicyConflictError extends DbError {
  readonly currentVersion: number | null;
  readonly baseVersion: number | null;

  constructor(baseVersion: number | null, currentVersion: number | null) {
    super(
      "policy_conflict",
      `The policy was published by someone else meanwhile (you edited version ${baseVersion ?? "none"}, current is ${currentVersion ?? "none"}).`,
    );
    this.baseVersion = baseVersion;
    this.currentVersion = currentVersion;
  }
}

/** The row does not exist, or belongs to another tenant (indistinguishable on purpose). */
export class NotFoundError extends DbError {
  readonly entity: string;
  readonly id: string;

  constructor(entity: string, id: string) {
    super("not_found", `${entity} ${id} was not found.`);
    this.entity = entity;
    this.id = id;
  }
}

/** Applying or creating migrations failed. */
export class MigrationError extends DbError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("migration_failed", message, options);
  }
}

/** A server-bound grant was asked to take a subset of servers (only tenant-wide grants can). */
export class GrantServerBoundError extends DbError {
  constructor(grantId: string) {
    super(
      "grant_server_bound",
      `Grant ${grantId} is bound to one server; only a grant for every server can be restricted to a list of servers.`,
    );
  }
}

/** Another server of the tenant already exposes its tools under this prefix (its own or its slug). */
export class ToolPrefixTakenError extends DbError {
  readonly prefix: string;

  constructor(prefix: string, takenBy: string) {
    super("tool_prefix_taken", `The tool prefix '${prefix}' is already used by the server '${takenBy}'.`);
    this.prefix = prefix;
  }
}
