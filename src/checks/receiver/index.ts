export { receiverChecks } from './receiver-checks.ts';
export { eventSamples } from './samples.ts';
export type { EventSamples, Sample } from './samples.ts';
export { schemaBreakages } from './breakages.ts';
export type { Breakage } from './breakages.ts';
