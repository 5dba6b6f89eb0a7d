export { createAuthGate } from './gate.ts';
export type { GateOptions } from './gate.ts';
export type { AuthGate, GateAnswer, LayerVerdict, VerifyLayer } from './model.ts';
export { ignoringBody } from './hmac-check.ts';
export { TokenStore } from './token-store.ts';
