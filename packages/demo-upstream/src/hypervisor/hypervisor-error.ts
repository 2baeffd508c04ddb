/** Why a hypervisor operation was refused; stable for tests and callers. */
export type HypervisorErrorCode = "not_found" | "conflict" | "invalid_state" | "invalid_argument";

/** A refused hypervisor operation; its message is shown to the agent as a tool error. */
export class HypervisorError extends Error {
  override readonly name = "HypervisorError";

  constructor(
    readonly code: HypervisorErrorCode,
    message: string,
  ) {
    super(message);
  }
}
