export { startSimulator } from './server.ts';
export type { Simulator, SimulatorOptions } from './server.ts';
export { buildHandlers } from './handlers.ts';
export type { SimulatorState } from './handlers.ts';
export { DEFECTS, defectNames, unknownDefects } from './defects.ts';
export type { DefectSpec } from './defects.ts';
export { ResourceStore } from './store.ts';
export { LIMITATION_HEADER, isInventedCode, isLimitation, limitationMessage } from './limitation.ts';
