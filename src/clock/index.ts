export { createClock } from './clock.ts';
export { startLagProbe } from './lag-probe.ts';
export { createManualClock } from './manual-clock.ts';
export { createVirtualClock } from './virtual-clock.ts';

export type { Clock, ClockOptions } from './clock.ts';
export type { LagProbe } from './lag-probe.ts';
export type { ManualClock, ManualClockOptions } from './manual-clock.ts';
export type { VirtualClock, VirtualClockOptions } from './virtual-clock.ts';
