import type { Forgery } from './model.ts';
import { signAndSend } from './model.ts';

/** Signed the right way, with a key of the right kind that the partner does not hold. */
export const wrongKey: Forgery = {
  id: 'wrong-key',
  title: 'a signature made with a key the partner does not hold',
  skip: (f) => (f.signature ? undefined : 'the scheme has no signature'),
  expect: () => 'invalid-signature',
  run: async (input) => [await signAndSend(input, 'wrong key', { forge: { wrongKey: true } }, () => 'signed with a freshly generated key, under our key id')],
};

export const UNKNOWN_KEY_ID = 'railgate-unknown-key';

/** Signed with our key, naming a key id the partner never assigned. */
export const wrongKeyId: Forgery = {
  id: 'wrong-key-id',
  title: 'a key id the partner never assigned',
  skip: (f) => (f.keyId ? undefined : 'the signature names no key id'),
  expect: () => 'unknown-key',
  run: async (input) => [await signAndSend(input, 'wrong key id', { forge: { keyId: UNKNOWN_KEY_ID } }, () => `signed with our key under key id "${UNKNOWN_KEY_ID}"`)],
};
