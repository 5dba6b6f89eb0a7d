import { missingSignature, noCredentials, wrongCredentials } from './credentials.ts';
import { wrongKey, wrongKeyId } from './keys.ts';
import type { Forgery } from './model.ts';
import { replayedNonce } from './replay.ts';
import { tamperedBody, tamperedHeader } from './tampering.ts';
import { futureTimestamp, skewWithinTolerance, staleTimestamp } from './time.ts';
import { validRequest } from './valid.ts';

/** Every forgery, in the order the checks run: the valid baseline first. */
export const FORGERIES: readonly Forgery[] = [
  validRequest,
  noCredentials,
  missingSignature,
  wrongCredentials,
  wrongKey,
  wrongKeyId,
  tamperedBody,
  tamperedHeader,
  staleTimestamp,
  futureTimestamp,
  replayedNonce,
  skewWithinTolerance,
];

export type { Forgery, ForgeryInput } from './model.ts';
