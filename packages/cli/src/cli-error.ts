/** One problem with a field, as a JSON pointer into the document or request. */
export type CliIssue = { path: string; message: string };

/** Exit codes: 1 for a failed operation, 2 for a command line that could not be understood. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure to report to the user and exit with; `code` is the API's stable error code when there is one. */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly issues: CliIssue[];

  constructor(
    code: string,
    message: string,
    options?: { exitCode?: number; issues?: CliIssue[]; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "CliError";
    this.code = code;
    this.exitCode = options?.exitCode ?? EXIT_FAILURE;
    this.issues = options?.issues ?? [];
  }
}

/** A mistake on the command line: prints usage help and exits 2. */
export function usageError(message: string): CliError {
  return new CliError("usage", message, { exitCode: EXIT_USAGE });
}
