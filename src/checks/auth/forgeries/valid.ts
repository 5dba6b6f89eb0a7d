import type { Forgery } from './model.ts';
import { signAndSend } from './model.ts';

/** The baseline: without it, every rejection above could be a partner that refuses everything. */
export const validRequest: Forgery = {
  id: 'valid',
  title: 'a correctly signed request',
  skip: () => undefined,
  expect: () => 'accepted',
  run: async (input) => [await signAndSend(input, 'valid request')],
};
