import type { Clock } from '../clock/index.ts';
import { requestMedia, validSample } from '../contract/index.ts';
import type { Contract, ReceivedEvent, SchemaValidators } from '../contract/index.ts';
import { credentialStage } from './credential-stage.ts';
import { payloadStage } from './payload-stage.ts';
import { startReceiver } from './receiver.ts';
import type { DeliveryStage, WebhookReceiver } from './receiver.ts';
import type { SenderAuth } from './sender-auth.ts';
import { verificationStage } from './verification-stage.ts';

/**
 * Ways railgate's receiver can be made to misbehave on purpose (test-only defects `receiver-<fault>`), so the
 * suite proves the receiver checks catch each: no authentication, no payload validation, an answer the
 * contract does not document.
 */
export const RECEIVER_FAULTS = ['skips-authentication', 'skips-validation', 'undocumented-answer'] as const;
export type ReceiverFault = (typeof RECEIVER_FAULTS)[number];

export interface EventReceiverOptions {
  event: ReceivedEvent;
  auth: SenderAuth;
  contract: Contract;
  validators: SchemaValidators;
  /** The run's seed: the documented answer's body, when the contract gives no example of it. */
  seed: number;
  clock: Clock;
  faults?: readonly ReceiverFault[];
}

/**
 * railgate's receiver for one event of a receiver's contract, on loopback: it authenticates the sender as
 * `auth` says, refuses a payload that breaks the event's schema, and answers an accepted delivery with the
 * response the contract documents for it.
 */
export function startEventReceiver(o: EventReceiverOptions): Promise<WebhookReceiver> {
  const faults = new Set(o.faults ?? []);
  const stages: DeliveryStage[] = [];
  const authenticate = authStage(o.auth, () => Math.floor(o.clock.now() / 1000));
  if (authenticate && !faults.has('skips-authentication')) stages.push(authenticate);
  const schema = requestMedia(o.event)?.schemaPointer;
  if (schema && !faults.has('skips-validation')) stages.push(payloadStage(o.validators, schema));
  // 202 with no body: an acknowledgement, but not the one an event documenting its answer asks for.
  const answer = faults.has('undocumented-answer') ? { status: 202 } : documentedAnswer(o.contract, o.validators, o.event, o.seed);
  return startReceiver({
    path: `/webhooks/received/${encodeURIComponent(o.event.id)}`,
    stages,
    clock: o.clock,
    answer: answer.status,
    ...(answer.body === undefined ? {} : { answerBody: answer.body }),
  });
}

function authStage(auth: SenderAuth, now: () => number): DeliveryStage | undefined {
  if (auth.kind === 'signature') return verificationStage(auth.spec, auth.keys.verify, now);
  if (auth.kind === 'credentials') return credentialStage(auth.credentials);
  return undefined;
}

/**
 * What a receiver answers an accepted delivery of `event` (pure but for the faker's seed): its documented
 * success (200 first, else the first 2xx, a `2XX` as 200), with the JSON body of its first example the schema
 * accepts, else one generated from its schema; 204 when the contract documents no success, as a correct
 * endpoint acknowledges at once.
 */
export function documentedAnswer(contract: Contract, validators: SchemaValidators, event: ReceivedEvent, seed: number): { status: number; body?: unknown } {
  const ok = event.responses.filter((r) => /^2/.test(r.status));
  const spec = ok.find((r) => r.status === '200') ?? ok[0];
  if (!spec) return { status: 204 };
  const status = /^\d+$/.test(spec.status) ? Number(spec.status) : 200;
  const media = spec.content.find((m) => /json/.test(m.contentType));
  if (status === 204 || !media) return { status };
  // As the simulator answers (sampleBody): the first example the schema accepts, else one generated valid.
  const examples = Object.values(media.examples);
  const sample = media.schemaPointer ? validSample(contract.bundled, validators, { pointer: media.schemaPointer, direction: 'answer', seed, label: 'body', examples }) : undefined;
  const body = sample ? (sample.why === undefined ? sample.value : undefined) : examples[0];
  return body === undefined ? { status } : { status, body };
}
