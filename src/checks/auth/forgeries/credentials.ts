import type { Forgery } from './model.ts';
import { signAndSend } from './model.ts';

/** Nothing at all: no API key, token or signature. */
export const noCredentials: Forgery = {
  id: 'no-credentials',
  title: 'a request without any credentials',
  skip: () => undefined,
  expect: (f) => (f.credential ? 'missing-credentials' : 'missing-signature'),
  run: async (input) => [await signAndSend(input, 'no credentials', { forge: { omitCredentials: true, omitSignature: true } }, () => 'every credential and signature header was left out')],
};

/** Credentials (and key id, timestamp, nonce) as they should be, the signature itself removed. */
export const missingSignature: Forgery = {
  id: 'missing-signature',
  title: 'a request whose signature was removed',
  skip: (f) => (f.signature ? undefined : 'the scheme has no signature'),
  expect: () => 'missing-signature',
  run: async (input) => [
    await signAndSend(input, 'signature removed', {}, (request) => {
      const removed = ['signature', 'signature-input', input.ctx.partner.profile.auth?.hmac?.headers.signature.toLowerCase()].filter((h): h is string => h !== undefined && h in request.headers);
      for (const h of removed) delete request.headers[h];
      return `signed correctly, then the ${removed.join(' and ')} header${removed.length > 1 ? 's were' : ' was'} removed`;
    }),
  ],
};

/** An API key, password or token the partner never issued. */
export const wrongCredentials: Forgery = {
  id: 'wrong-credentials',
  title: 'credentials the partner never issued',
  skip: (f) => (f.credential ? undefined : 'the scheme sends no API key, password or token'),
  expect: () => 'invalid-credentials',
  run: async (input) => [await signAndSend(input, 'wrong credentials', { forge: { wrongCredentials: true } }, () => `a forged ${input.facts.credential ?? 'credential'} of the right shape was sent`)],
};
