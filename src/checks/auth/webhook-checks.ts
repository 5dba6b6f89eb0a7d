import type { HttpRequest } from '../../http/index.ts';
import type { Partner } from '../../partner/index.ts';
import { toleranceSeconds } from '../../signer/index.ts';
import { getPointer, setPointer } from '../../json/index.ts';
import type { WebhooksSpec } from '../../profile/index.ts';
import { applySigned, forgedWebhookKey, signDelivery, signsTime, verifyDelivery, webhookEvent } from '../../webhooks/index.ts';
import type { WebhookDelivery, WebhookKey } from '../../webhooks/index.ts';
import type { WebhookRuntime } from '../auth-runtime.ts';
import { probeParts } from '../contract/probe.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check, CheckContext } from '../model.ts';
import { tamperBody, tamperValue } from './forgeries/tampering.ts';
import { patient, waitAtLeast } from '../patience.ts';
import { unregisteredReceiver } from '../webhook-registration.ts';

const check = (name: string, tags: string[], run: (ctx: CheckContext, hooks: WebhookRuntime) => Promise<void>): Check => ({
  name,
  family: 'auth',
  severity: 'blocker',
  tags: ['webhooks', ...tags],
  destructive: tags.includes('partner'),
  async run(ctx) {
    if (!ctx.auth.webhooks) throw new CheckSkipped('no webhook receiver in this session');
    await run(ctx, ctx.auth.webhooks);
  },
});

/** Indented, and cut where a support engineer stops reading. */
function quote(text: string): string {
  const cut = text.length > 600 ? `${text.slice(0, 600)}…` : text;
  return cut
    .split('\n')
    .map((l) => `  | ${l}`)
    .join('\n');
}

/** Creates a transaction so the partner has something to announce; deliveries are then awaited. */
async function provokeDelivery(ctx: CheckContext): Promise<string> {
  const kind = Object.entries(ctx.partner.profile.transactions ?? {})[0];
  const create = kind ? ctx.partner.contract.operations.get(kind[1].create) : undefined;
  if (!kind || !create) throw new CheckSkipped('the profile declares no transaction whose creation the partner announces');
  const probe = await probeParts(ctx, create);
  if (!probe.parts) throw new CheckSkipped(probe.skip ?? `no request can be built for ${create.id}`);
  await ctx.call(create.id, probe.parts, `create a ${kind[0]} the partner announces by webhook`, patient(ctx));
  return kind[0];
}

/** The partner's own deliveries, as railgate's receiver judged them. */
function partnerDeliveries(): Check {
  return check('webhook deliveries from the partner verify', ['partner'], async (ctx, hooks) => {
    if (hooks.unreachable) throw new CheckSkipped(hooks.unreachable);
    const unregistered = unregisteredReceiver(ctx);
    if (unregistered) throw new CheckFailure(unregistered, { kind: 'configuration' });
    const last = hooks.receiver.deliveries().at(-1)?.seq ?? 0;
    const kind = await provokeDelivery(ctx);
    // A delivery is one loopback POST away from the simulator, seconds away from a sandbox.
    const arrived = await hooks.receiver.next(last, waitAtLeast(ctx, 30_000, 3_000));
    if (!arrived) throw new CheckFailure(`no webhook delivery reached railgate's receiver after a ${kind} was created`);
    const all = hooks.receiver.deliveries();
    const refused = all.filter((d) => d.refusal);
    await ctx.report.attach('webhook deliveries', JSON.stringify(all.map((d) => ({ seq: d.seq, status: d.status, refusal: d.refusal })), null, 2), 'application/json');
    const first = refused[0];
    if (!first) return;
    const verdict = verifyDelivery(hooks.spec, hooks.keys.verify, first, ctx.auth.now());
    const signed = verdict.signed ? `\n${verdict.signed.kind} railgate computed for delivery #${first.seq}:\n${quote(ctx.auth.redact(verdict.signed.text))}` : '';
    throw new CheckFailure(
      `webhook deliveries from ${ctx.partner.id} carry a bad signature: ${refused.length} of ${all.length} failed verification by railgate's receiver (${first.refusal?.reason ?? ''})${signed}`,
    );
  });
}

interface Forged {
  at?: number;
  key?: WebhookKey;
  /** Changes the delivery after signing; says what it changed. */
  after?: (delivery: WebhookDelivery) => string;
}

/** Posts a delivery railgate signed itself to railgate's receiver; not in the ledger (it is not the partner). */
async function deliver(ctx: CheckContext, hooks: WebhookRuntime, forged: Forged): Promise<{ status: number; body: string; note?: string }> {
  const key = forged.key ?? hooks.keys.sign;
  if (!key) throw new CheckSkipped(`only ${ctx.partner.id} holds the private key its webhooks are signed with: railgate cannot sign a delivery in this environment`);
  const at = forged.at ?? ctx.auth.now();
  const event = webhookEvent('evt_railgate_selftest', hooks.spec.events?.[0] ?? 'railgate.selftest', new Date(at * 1000), { id: 'railgate-selftest' });
  const delivery: WebhookDelivery = { method: 'POST', url: hooks.receiver.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) };
  applySigned(delivery, signDelivery(hooks.spec, key, delivery, at));
  const note = forged.after?.(delivery);
  const request: HttpRequest = { method: 'POST', url: delivery.url, headers: delivery.headers, body: delivery.body };
  const exchange = await ctx.client.send(request, patient(ctx));
  const status = exchange.response?.status ?? 0;
  await ctx.report.attach(`delivery to railgate's receiver (${status})`, JSON.stringify({ headers: delivery.headers, body: delivery.body, note, answer: exchange.response?.body }, null, 2), 'application/json');
  return { status, body: exchange.response?.bodyText ?? exchange.error?.message ?? '', ...(note ? { note } : {}) };
}

function mustRefuse(title: string, forged: (ctx: CheckContext, hooks: WebhookRuntime) => Forged, tags: string[]): Check {
  return check(`railgate's receiver rejects ${title}`, tags, async (ctx, hooks) => {
    const answer = await deliver(ctx, hooks, forged(ctx, hooks));
    if (answer.status >= 200 && answer.status < 300) throw new CheckFailure(`railgate's receiver accepted ${title} (${answer.status})${answer.note ? `: ${answer.note}` : ''}`, { kind: 'configuration' });
  });
}

/**
 * Railgate's own receiver, as the profile configures it: a good delivery is accepted; a bad signature, a
 * stale timestamp and a body changed after signing are refused. These prove our side of the contract.
 */
function receiverChecks(partner: Partner): Check[] {
  const spec = partner.profile.webhooks!;
  const checks: Check[] = [
    check(`railgate's receiver accepts a correctly signed delivery`, ['receiver'], async (ctx, hooks) => {
      const answer = await deliver(ctx, hooks, {});
      if (answer.status < 200 || answer.status >= 300) throw new CheckFailure(`railgate's receiver refused a correctly signed delivery: ${answer.status} ${answer.body}`, { kind: 'configuration' });
    }),
    mustRefuse(
      'a delivery with a bad signature',
      (_ctx, hooks) => ({ key: forgedWebhookKey(spec, hooks.keys.verify) }),
      ['receiver'],
    ),
  ];
  if (signsTime(spec)) {
    checks.push(mustRefuse('a delivery with a stale timestamp', (ctx) => ({ at: ctx.auth.now() - toleranceSeconds(spec.tolerance) - 60 }), ['receiver']));
  }
  checks.push(
    mustRefuse('a delivery whose body changed after signing', () => ({ after: (d) => `body changed after signing (${tamperSigned(spec, d)})` }), ['receiver']),
  );
  return checks;
}

export function webhookChecks(partner: Partner): Check[] {
  if (!partner.profile.webhooks) return [];
  return [partnerDeliveries(), ...receiverChecks(partner)];
}

/**
 * Changes what the scheme signs: for fields-hmac the first signed field the body carries (a change elsewhere is
 * not covered by the scheme, by the provider's design), else the body as a forger would.
 */
function tamperSigned(spec: WebhooksSpec, delivery: WebhookDelivery): string {
  if (spec.scheme !== 'fields-hmac') return tamperBody(delivery);
  const body = JSON.parse(delivery.body) as unknown;
  const pointer = (spec.fields ?? []).find((p) => ['string', 'number', 'boolean'].includes(typeof getPointer(body, p)));
  if (pointer === undefined) return tamperBody(delivery);
  const before = String(getPointer(body, pointer));
  const after = tamperValue(before);
  setPointer(body, pointer, typeof getPointer(body, pointer) === 'number' ? Number(after) : after);
  delivery.body = JSON.stringify(body);
  return `${pointer} ${before} → ${after}`;
}
