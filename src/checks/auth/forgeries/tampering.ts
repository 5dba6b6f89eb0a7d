import type { Forgery } from './model.ts';
import { signAndSend } from './model.ts';

/** Changes the first number of a JSON body (an amount, as a forger would), else appends a space. */
export function tamperBody(request: { body?: string }): string {
  const before = request.body ?? '';
  let change = 'a space was appended';
  let after = `${before} `;
  try {
    const body = JSON.parse(before) as unknown;
    const path: string[] = [];
    const bump = (node: unknown): boolean => {
      if (node === null || typeof node !== 'object') return false;
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'number') {
          (node as Record<string, unknown>)[k] = v + 100;
          path.push(k);
          change = `${path.join('.')} ${v} → ${v + 100}`;
          return true;
        }
        path.push(k);
        if (bump(v)) return true;
        path.pop();
      }
      return false;
    };
    if (bump(body)) after = JSON.stringify(body);
  } catch {
    // Not JSON: the appended space is the change.
  }
  request.body = after;
  return change;
}

/** A different value of the same shape: a number moves by one, text changes its last character. */
export function tamperValue(value: string): string {
  if (/^\d+$/.test(value)) return String(Number(value) + 1);
  const last = value.slice(-1);
  return value.slice(0, -1) + (last === 'x' ? 'y' : 'x');
}

export const tamperedBody: Forgery = {
  id: 'tampered-body',
  title: 'a body changed after signing',
  skip: (f, op) => (!f.signature ? 'the scheme has no signature' : !op.requestBody ? `${op.id} sends no body` : !f.coversBody ? 'the signature does not cover the body' : undefined),
  expect: (f) => (f.digestHeader ? 'digest-mismatch' : 'invalid-signature'),
  run: async (input) => [
    await signAndSend(input, 'tampered body', {}, (request) => {
      const change = tamperBody(request);
      return `the body was changed after signing (${change})${input.facts.digestHeader ? '; the digest header still carries the digest of the original body' : ''}`;
    }),
  ],
};

export const tamperedHeader: Forgery = {
  id: 'tampered-header',
  title: 'a signed header changed after signing',
  skip: (f, op) => (!f.signature ? 'the scheme has no signature' : !f.tamperable ? `the signature covers no header a request to ${op.id} carries` : undefined),
  expect: () => 'invalid-signature',
  run: async (input) => [
    await signAndSend(input, 'tampered header', {}, (request) => {
      const name = input.facts.tamperable as string;
      const before = request.headers[name];
      if (before === undefined) return `header ${name} was not sent, nothing to tamper with`;
      request.headers[name] = tamperValue(before);
      return `header ${name} was changed after signing: ${before} → ${request.headers[name]}`;
    }),
  ],
};
