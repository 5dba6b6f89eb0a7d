export { loadProfile } from './load-profile.ts';
export type { LoadedProfile } from './load-profile.ts';
export { parseDuration } from './duration.ts';
export { environmentTimeouts } from './timeouts.ts';
export { parseSize } from './size.ts';
export type { TimeoutsMs } from './timeouts.ts';
export { productionReason } from './production.ts';
export type { IdempotencyAnswer, IdempotencyKeyFormat, IdempotencySpec } from '../idempotency/model.ts';
export type { Duration, Environment, EnvironmentName, ErrorTrigger, ErrorsSpec, Family, LatencyLimits, LatencySpec, Profile, ReadinessSpec, RedactSpec, Size, Timeouts, TransactionSpec } from './model.ts';
export type { Movement, StateMachineSpec, StatePath, TransactionEvents } from './model.ts';
export type {
  ApiKeyAuth,
  AuthSpec,
  Detection,
  HmacAuth,
  HmacComponentSpec,
  MessagePart,
  OAuth2Auth,
  Rejection,
  Rfc9421Auth,
  Rfc9421Param,
  SecretEncoding,
  WebhookRegistration,
  WebhookScheme,
  WebhooksSpec,
} from './auth-model.ts';
export { DEFAULT_REJECTION, rejectionFor, rejectionStatuses } from './rejection.ts';
export { PUBLIC_KEY_ALGORITHMS, isHmacScheme, isKeyPairScheme, keyPairAlgorithm } from './webhook-schemes.ts';
export type { PublicKeyAlgorithm } from './webhook-schemes.ts';
