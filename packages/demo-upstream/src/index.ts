export { createHypervisor } from "./hypervisor/create-hypervisor";
export { HypervisorError, type HypervisorErrorCode } from "./hypervisor/hypervisor-error";
export type { Hypervisor } from "./hypervisor/hypervisor-state";
export type { Vm, VmState } from "./hypervisor/types";
export type { FaultMode } from "./server/faults";
export {
  type DemoUpstream,
  type DemoUpstreamOptions,
  type DemoUpstreamStats,
  startDemoUpstream,
} from "./start-demo-upstream";
export { type DemoToolDefinition, loadDemoTools } from "./tool-catalog";
export { callDemoTool } from "./tools/call-demo-tool";
