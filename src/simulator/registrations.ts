import type { Operation } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import type { WebhookRegistration } from '../profile/index.ts';

/**
 * The merchant's webhook URLs, as a partner with a webhook-endpoint API stores them (the profile's
 * `webhooks.registration`): each successful call of the operation registers the URL at its pointer in the
 * request body. A URL registered twice is delivered to once.
 */
export interface Registrations {
  /** Told of every answered request; keeps the URL of a successful registration. */
  note(op: Operation, body: unknown, status: number): void;
  /** The URLs registered so far, in the order they came. */
  urls(): readonly string[];
}

export function createRegistrations(spec: WebhookRegistration): Registrations {
  const urls = new Set<string>();
  return {
    note(op, body, status) {
      if (op.id !== spec.operation || status < 200 || status >= 300) return;
      const url = getPointer(body, spec.url);
      if (typeof url === 'string' && /^https?:\/\//.test(url) && URL.canParse(url)) urls.add(url);
    },
    urls: () => [...urls],
  };
}
