import { checkResponse, isReceiverContract } from '../../contract/index.ts';
import type { ReceivedEvent } from '../../contract/index.ts';
import type { HttpResponse } from '../../http/index.ts';
import type { Partner } from '../../partner/index.ts';
import { toleranceSeconds } from '../../signer/index.ts';
import { signsTime } from '../../webhooks/index.ts';
import type { SenderAuth, WebhookReceiver } from '../../webhooks/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check, CheckContext, FailureKind } from '../model.ts';
import { listed } from '../listed.ts';
import { schemaBreakages } from './breakages.ts';
import { deliver } from './deliver.ts';
import type { Sender } from './deliver.ts';
import { eventSamples } from './samples.ts';
import type { EventSamples } from './samples.ts';

/** What one receiver check has at hand while it runs: the event, its sender authentication, a receiver of its own. */
interface Receiving {
  ctx: CheckContext;
  event: ReceivedEvent;
  auth: SenderAuth;
  receiver: WebhookReceiver;
  /** A failure of this check: the event counts as exercised, it was delivered and judged. */
  fail(message: string, kind: FailureKind): CheckFailure;
}

/**
 * For a receiver's contract (events, no operation: Adyen's notification APIs), four checks per event: railgate's
 * receiver accepts every valid sample with the documented answer, and refuses forged, stale and
 * schema-breaking deliveries. Each runs its own receiver over loopback HTTP (docs/decisions/receiver-checks.md).
 */
export function receiverChecks(partner: Partner): Check[] {
  if (!isReceiverContract(partner.contract)) return [];
  return [...partner.contract.webhooks.values()].flatMap((event) => [
    receiverCheck(event, 'accepts every valid sample with the documented answer', acceptsValid),
    receiverCheck(event, 'refuses forged deliveries', refusesForged),
    receiverCheck(event, 'refuses stale deliveries', refusesStale, staleDoesNotApply),
    receiverCheck(event, 'refuses payloads that break the schema', refusesBreakages),
  ]);
}

function receiverCheck(event: ReceivedEvent, title: string, judge: (r: Receiving) => Promise<void>, notApplicable?: (auth: SenderAuth, event: ReceivedEvent) => string | undefined): Check {
  return {
    name: `${event.kind} ${event.id}: railgate's receiver ${title}`,
    family: 'contract',
    severity: 'critical',
    tags: ['receiver', 'webhooks'],
    destructive: false,
    async run(ctx) {
      if (!ctx.auth.events) throw new CheckSkipped('no receiving side in this session');
      const auth = ctx.auth.events.authOf(event);
      const why = notApplicable?.(auth, event);
      if (why) throw new CheckSkipped(`does not apply: ${why}`);
      const receiver = await ctx.auth.events.open(event);
      const evidence = { webhooks: [event.id] };
      try {
        await judge({ ctx, event, auth, receiver, fail: (message, kind) => new CheckFailure(message, { kind, evidence }) });
      } finally {
        await receiver.close();
      }
      return evidence;
    },
  };
}

const isOk = (status: number): boolean => status >= 200 && status < 300;
const refusal = (answer: HttpResponse): string => (typeof answer.body === 'object' && answer.body !== null ? JSON.stringify(answer.body) : answer.bodyText).slice(0, 300);

async function acceptsValid({ ctx, event, auth, receiver, fail }: Receiving): Promise<void> {
  const samples = eventSamples(ctx.partner, event, ctx.seed);
  if (samples.leftOut.length > 0) await ctx.report.attach('examples not used as valid', samples.leftOut.join('\n'), 'text/plain');
  if (samples.valid.length === 0) throw new CheckSkipped(`no valid sample of ${event.id}: ${samples.leftOut.length > 0 ? 'every example breaks its schema' : 'the contract gives no example'}, and json-schema-faker gave no payload its schema accepts`);
  const problems: string[] = [];
  for (const sample of samples.valid) {
    const answer = await deliver(ctx, receiver, auth, sample.payload, { as: 'partner' }, `${sample.name}, sent as the partner`);
    if (!isOk(answer.status)) problems.push(`${sample.name}: refused with ${answer.status} ${refusal(answer)}`);
    else for (const issue of checkResponse(ctx.partner.validators, event, answer)) problems.push(`${sample.name}: ${issue.message}`);
  }
  if (problems.length > 0) {
    throw fail(`railgate's receiver did not accept ${problems.length} of ${samples.valid.length} valid samples of ${event.id} as the contract documents: ${firstOf(problems)}\n${listed(problems, 5)}`, 'configuration');
  }
}

async function refusesForged(r: Receiving): Promise<void> {
  const { ctx, event, auth, fail } = r;
  const valid = firstValid(r);
  if (auth.kind === 'none') {
    const answer = await deliver(ctx, r.receiver, auth, valid, { as: 'forger', with: 'no credentials' }, 'a delivery anyone could send');
    throw fail(`railgate's receiver cannot authenticate deliveries of ${event.id}: ${auth.reason}. It answered ${answer.status} to a delivery anyone could have sent`, 'contract-drift');
  }
  const signed = auth.kind === 'signature';
  const forgeries: Array<{ sender: Sender; what: string }> = [
    { sender: { as: 'forger', with: 'wrong credentials' }, what: signed ? 'a bad signature (a key the partner does not hold)' : 'wrong credentials' },
    { sender: { as: 'forger', with: 'no credentials' }, what: signed ? 'no signature' : 'no credentials' },
  ];
  const accepted: string[] = [];
  for (const { sender, what } of forgeries) {
    const answer = await deliver(ctx, r.receiver, auth, valid, sender, `a forged delivery with ${what}`);
    if (!isRefusal(answer.status)) accepted.push(`with ${what}: answered ${answer.status}`);
  }
  if (accepted.length > 0) throw fail(`railgate's receiver did not refuse ${accepted.length} of ${forgeries.length} forged deliveries of ${event.id}: ${firstOf(accepted)}\n${listed(accepted, 5)}`, 'configuration');
}

/** Only timestamped signatures can tell an old delivery from a fresh one. */
function staleDoesNotApply(auth: SenderAuth, event: ReceivedEvent): string | undefined {
  if (auth.kind === 'none') return `nothing authenticates deliveries of ${event.id}, let alone dates them (see its forged-deliveries check)`;
  if (auth.kind === 'credentials') return `nothing dates a delivery sent with ${auth.credentials.map((c) => (c.kind === 'basic' ? 'HTTP Basic credentials' : c.kind === 'bearer' ? 'a bearer token' : `an API key (${c.name})`)).join(' and ')}: a replayed delivery of ${event.id} cannot be told stale by its age`;
  if (!signsTime(auth.spec)) return `the profile's ${auth.spec.scheme} scheme signs no timestamp: a replayed delivery of ${event.id} cannot be told stale by its age`;
  return undefined;
}

async function refusesStale(r: Receiving): Promise<void> {
  const { ctx, event, auth, fail } = r;
  if (auth.kind !== 'signature') return;
  const tolerance = toleranceSeconds(auth.spec.tolerance);
  const at = ctx.auth.now() - tolerance - 60;
  const answer = await deliver(ctx, r.receiver, auth, firstValid(r), { as: 'partner', at }, `a delivery signed ${tolerance + 60} s ago (tolerance ${tolerance} s)`);
  if (!isRefusal(answer.status)) throw fail(`railgate's receiver did not refuse a delivery of ${event.id} signed ${tolerance + 60} s ago, past the ${tolerance} s tolerance: answered ${answer.status}`, 'configuration');
}

async function refusesBreakages(r: Receiving): Promise<void> {
  const { ctx, event, auth, fail } = r;
  const samples = eventSamples(ctx.partner, event, ctx.seed);
  if (!samples.schema) throw new CheckSkipped(`the contract documents no payload schema for ${event.id}: there is nothing to break`);
  const breakages = schemaBreakages(ctx.partner.validators, samples.schema, firstValid(r, samples));
  if (breakages.length === 0) throw new CheckSkipped(`the schema of ${event.id} refuses neither a field removed nor a value of another type in its sample`);
  const accepted: string[] = [];
  for (const b of breakages) {
    const answer = await deliver(ctx, r.receiver, auth, b.payload, { as: 'partner' }, `a payload with ${b.change}`);
    if (!isRefusal(answer.status)) accepted.push(`${b.change}: answered ${answer.status}`);
  }
  if (accepted.length > 0) throw fail(`railgate's receiver accepted ${accepted.length} of ${breakages.length} payloads of ${event.id} that break its schema: ${firstOf(accepted)}\n${listed(accepted, 5)}`, 'configuration');
}

/**
 * The first of several findings, with how many follow: a broken check's reason is its first line only
 * (railgate's trouble is summed up, the list stays in the report).
 */
function firstOf(found: readonly string[]): string {
  return `${found[0]}${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}`;
}

/** A refusal the partner takes as final: 4xx. A 5xx asks it to deliver the same again. */
function isRefusal(status: number): boolean {
  return status >= 400 && status < 500;
}

/** The first valid sample of the event: of `samples` when the check has made them already. */
function firstValid({ ctx, event }: Receiving, samples: EventSamples = eventSamples(ctx.partner, event, ctx.seed)): unknown {
  const sample = samples.valid[0];
  if (!sample) throw new CheckSkipped(`no valid sample of ${event.id} to start from (see its valid-samples check)`);
  return sample.payload;
}
