import type { ApiClient } from "./api-client";
import type { Io } from "./output";

/** The parsed command line's options (one set shared by every command). */
export type CliOptions = {
  json: boolean;
  url?: string | undefined;
  key?: string | undefined;
  message?: string | undefined;
  base?: string | undefined;
  out?: string | undefined;
  header?: string[] | undefined;
  server?: string | undefined;
  /** Comma-separated server ids or slugs (a grant restricted to them), or "all". */
  servers?: string | undefined;
  args?: string | undefined;
  draft?: string | undefined;
  reason?: string | undefined;
  follow?: boolean | undefined;
  interval?: string | undefined;
  limit?: string | undefined;
  decision?: string | undefined;
  tool?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  format?: string | undefined;
};

/** What a command runs with: its positionals, options, output and (lazily) an API client. */
export type CommandContext = {
  positionals: string[];
  options: CliOptions;
  io: Io;
  api: () => ApiClient;
  /** Prints the --json form of a result, or the human form. */
  print: (value: unknown, human: () => string) => void;
};
