import type { Operation, ReceivedEvent } from '../contract/index.ts';
import type { HttpRequest } from '../http/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';
import type { RequestSigner, SignedRequest, SignOptions } from '../signer/index.ts';
import type { Refusals, SenderAuth, WebhookKeys, WebhookReceiver } from '../webhooks/index.ts';

/** The webhook side of a session: the scheme, its keys, and railgate's receiver. */
export interface WebhookRuntime {
  spec: WebhooksSpec;
  keys: WebhookKeys;
  receiver: WebhookReceiver;
  /** Arms the receiver to answer the next matching delivery with a 5xx (to see the partner redeliver). */
  refusals: Refusals;
  /** The URL the partner delivers to (`${webhooks.url}` in scenarios): the public one against a sandbox. */
  url: string;
  /** Why the partner cannot reach the receiver here (a sandbox without a public URL), when it cannot. */
  unreachable?: string;
}

/** The receiving side of a contract that documents events the partner sends (webhooks, callbacks). */
export interface EventSide {
  /** How railgate's receiver authenticates the partner sending `event`: the same for the whole session. */
  authOf(event: ReceivedEvent): SenderAuth;
  /** Starts railgate's receiver for `event` on loopback; the caller closes it (the session closes any left open). */
  open(event: ReceivedEvent): Promise<WebhookReceiver>;
}

/** How a session authenticates: what checks use to sign, forge and redact. */
export interface AuthRuntime {
  signer: RequestSigner;
  /** Signs for `op` at the run's current time with a fresh nonce, unless `options` says otherwise. */
  sign(request: HttpRequest, op: Operation, options?: Partial<SignOptions>): Promise<SignedRequest>;
  /** Unix seconds on the run's (scaled) clock: what the partner's clock reads. */
  now(): number;
  /** A fresh, unpredictable nonce (never seeded: a sandbox remembers nonces across runs). */
  nonce(): string;
  /** Removes every secret the session knows from a text (a signature base may cover a header). */
  redact(text: string): string;
  webhooks?: WebhookRuntime;
  events?: EventSide;
}
