import type { HttpResponse } from '../../http/index.ts';
import { applySigned, forgedWebhookKey, presentCredentials, signDelivery } from '../../webhooks/index.ts';
import type { SenderAuth, SenderCredential, WebhookDelivery, WebhookReceiver } from '../../webhooks/index.ts';
import { CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import { patient } from '../patience.ts';

/** Who sends a delivery: the partner (now, or at a given unix second), or a forger with wrong credentials or none. */
export type Sender = { as: 'partner'; at?: number } | { as: 'forger'; with: 'wrong credentials' | 'no credentials' };

/**
 * Posts one delivery to railgate's receiver over loopback, authenticated as `sender` would, and attaches it to
 * the report with every credential masked. Not in the ledger: railgate sends it, not the partner. A delivery
 * that gets no answer is railgate's trouble, and ends the check.
 */
export async function deliver(ctx: CheckContext, receiver: WebhookReceiver, auth: SenderAuth, payload: unknown, sender: Sender, label: string): Promise<HttpResponse> {
  const delivery: WebhookDelivery = { method: 'POST', url: receiver.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
  authenticate(ctx, delivery, auth, sender);
  const exchange = await ctx.client.send({ method: delivery.method, url: delivery.url, headers: delivery.headers, body: delivery.body }, patient(ctx));
  const answer = exchange.response;
  // What was sent: a fields-hmac signature travels inside the body.
  const shown = { url: delivery.url, headers: masked(delivery.headers, auth), body: JSON.parse(delivery.body) as unknown, answer: answer ? { status: answer.status, body: answer.body } : exchange.error };
  await ctx.report.attach(`${label} → ${answer?.status ?? 'no answer'}`, ctx.auth.redact(JSON.stringify(shown, null, 2)), 'application/json');
  if (!answer) throw new Error(`railgate's receiver did not answer ${label}: ${exchange.error?.code ?? ''} ${exchange.error?.message ?? ''}`);
  return answer;
}

function authenticate(ctx: CheckContext, delivery: WebhookDelivery, auth: SenderAuth, sender: Sender): void {
  if (auth.kind === 'none' || (sender.as === 'forger' && sender.with === 'no credentials')) return;
  if (auth.kind === 'credentials') {
    presentCredentials(sender.as === 'forger' ? auth.credentials.map((c) => wrong(ctx, c)) : auth.credentials, delivery);
    return;
  }
  const { spec, keys } = auth;
  const key = sender.as === 'forger' ? forgedWebhookKey(spec, keys.verify) : keys.sign;
  if (!key) throw new CheckSkipped(`only ${ctx.partner.id} holds the private key its webhooks are signed with: railgate cannot sign a delivery in this environment`);
  applySigned(delivery, signDelivery(spec, key, delivery, sender.as === 'partner' && sender.at !== undefined ? sender.at : ctx.auth.now()));
}

/** The same credential with values the partner was never given. */
function wrong(ctx: CheckContext, c: SenderCredential): SenderCredential {
  const other = (): string => ctx.rng.fork(`forged:${c.scheme}`).alnum(24);
  if (c.kind === 'basic') return { ...c, password: other() };
  if (c.kind === 'bearer') return { ...c, token: other() };
  return { ...c, value: other() };
}

/** Headers as the report shows them: whatever carries a credential or a signature, masked whoever sent it. */
function masked(headers: Record<string, string>, auth: SenderAuth): Record<string, string> {
  const secret = new Set(['authorization', 'cookie']);
  if (auth.kind === 'credentials') for (const c of auth.credentials) if (c.kind === 'apiKey' && c.in === 'header') secret.add(c.name.toLowerCase());
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, secret.has(k) ? '[redacted]' : v]));
}
