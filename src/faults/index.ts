export { startFaultProxy } from './proxy.ts';
export { FAULT_HEADER } from './types.ts';

export type {
  DropResponseFault,
  Fault,
  FaultKind,
  FaultMatch,
  FaultProxy,
  FaultProxyOptions,
  FaultRule,
  FaultStatus,
  ForwardPhase,
  HangFault,
  LatencyFault,
  PendingRule,
  ProxyEvent,
  ResetFault,
  StallBodyFault,
  StatusFault,
  TargetTls,
} from './types.ts';
