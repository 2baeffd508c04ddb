import { HypervisorError } from "../hypervisor/hypervisor-error";

/** Portmanteau tools make arguments required per action; this names the missing one. */
export function requiredArg<T>(value: T | undefined, field: string, tool: string, action: string): T {
  if (value === undefined) {
    throw new HypervisorError("invalid_argument", `${tool} action "${action}" requires ${field}.`);
  }
  return value;
}
