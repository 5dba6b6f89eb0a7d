import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock/index.ts';
import { SchemaValidators, loadContract } from '../contract/index.ts';
import type { Contract, ReceivedEvent } from '../contract/index.ts';
import { REPO } from '../../test/helpers/workspace.ts';
import { presentCredentials, senderAuth, startEventReceiver } from './index.ts';
import type { SenderAuth, WebhookDelivery, WebhookReceiver } from './index.ts';

// Issue 17: railgate's receiver for a receiver's contract authenticates the sender as the contract's `security` says, and refuses payloads that break the schema.

const secret = (scheme: string, part: string): string => `${scheme}-${part}-0123456789`;
const event = (security: ReceivedEvent['security']): ReceivedEvent => ({ id: 'e', kind: 'webhook', method: 'post', path: '', pointer: '/webhooks/e/post', tags: [], parameters: [], responses: [], security, mutating: false });
const schemes = {
  Basic: { type: 'http', scheme: 'basic' },
  Token: { type: 'http', scheme: 'Bearer' },
  Key: { type: 'apiKey', in: 'query', name: 'key' },
  OAuth: { type: 'oauth2', flows: {} },
};

describe('senderAuth', () => {
  it('takes the profile’s signature scheme first, whatever the contract says', () => {
    const profile = { spec: { scheme: 'timestamped' as const, header: 'X-Sig', secretEnv: 'S' }, keys: { verify: { secret: Buffer.from('s') } } };
    expect(senderAuth(event([{ Basic: [] }]), schemes, profile, secret)).toMatchObject({ kind: 'signature', spec: { scheme: 'timestamped' } });
  });

  it('infers HTTP Basic, Bearer and API keys from the event’s security, with test credentials', () => {
    expect(senderAuth(event([{ Basic: [] }]), schemes, undefined, secret)).toEqual({ kind: 'credentials', credentials: [{ scheme: 'Basic', kind: 'basic', username: 'Basic-username-0123456789', password: 'Basic-password-0123456789' }] });
    expect(senderAuth(event([{ Token: [], Key: [] }]), schemes, undefined, secret)).toMatchObject({ kind: 'credentials', credentials: [{ kind: 'bearer' }, { kind: 'apiKey', in: 'query', name: 'key' }] });
    expect(senderAuth(event([{ OAuth: [] }, { Basic: [] }]), schemes, undefined, secret)).toMatchObject({ kind: 'credentials', credentials: [{ kind: 'basic' }] });
  });

  it('says why nothing authenticates the sender: no security, an empty requirement, schemes no receiver checks', () => {
    expect(senderAuth(event([]), schemes, undefined, secret)).toEqual({ kind: 'none', reason: "the contract gives webhook e no `security` and the profile has no `webhooks` section: nothing lets a receiver tell the partner's deliveries from a forger's" });
    expect(senderAuth(event([{ Basic: [] }, {}]), schemes, undefined, secret)).toEqual({ kind: 'none', reason: 'the `security` of webhook e lists an empty requirement: anyone may deliver it' });
    expect(senderAuth(event([{ OAuth: [] }, { Missing: [] }]), schemes, undefined, secret)).toMatchObject({ kind: 'none', reason: expect.stringMatching(/cannot check the security schemes webhook e names: 'OAuth' \(oauth2\), 'Missing' \(not in components.securitySchemes\)/) });
  });
});

describe("railgate's receiver for one event, over loopback", () => {
  let contract: Contract;
  let validators: SchemaValidators;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    contract = await loadContract(path.relative(process.cwd(), path.join(REPO, 'test/fixtures/contracts/parcel-hooks.yaml')));
    validators = new SchemaValidators(contract.bundled, '3.1');
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  const good = { id: 'evt_9', type: 'parcel.shipped', createdAt: '2026-01-05T10:00:00Z', data: { parcel: 'p_9', weightGrams: 10 } };
  async function post(auth: SenderAuth, payload: unknown, credentials = true): Promise<{ status: number; body: unknown }> {
    const delivery: WebhookDelivery = { method: 'POST', url: receiver!.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
    if (credentials && auth.kind === 'credentials') presentCredentials(auth.credentials, delivery);
    const res = await fetch(delivery.url, { method: 'POST', headers: delivery.headers, body: delivery.body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  it('accepts the partner’s delivery with the documented answer, refuses wrong or missing credentials and a broken payload', async () => {
    const shipped = contract.webhooks.get('parcel.shipped')!;
    const auth = senderAuth(shipped, contract.securitySchemes, undefined, secret);
    receiver = await startEventReceiver({ event: shipped, auth, contract, validators, seed: 7, clock: createClock() });
    const ok = await post(auth, good);
    expect(ok.status).toBe(200);
    expect(validators.validate(shipped.responses[0]!.content[0]!.schemaPointer!, ok.body)).toEqual([]);
    expect(await post(auth, good, false)).toEqual({ status: 401, body: { error: 'missing-credentials', message: 'no API key X-Hook-Key in the header (HookKey) came with the delivery' } });
    const forged = auth.kind === 'credentials' ? { ...auth, credentials: auth.credentials.map((c) => ({ ...c, value: 'not-the-key' })) } : auth;
    expect(await post(forged as SenderAuth, good)).toMatchObject({ status: 401, body: { error: 'invalid-credentials' } });
    const broken = await post(auth, { ...good, data: { parcel: 'p_9', weightGrams: '10' } });
    expect(broken).toEqual({ status: 400, body: { error: 'schema-violation', message: "the payload breaks the contract's schema: /data/weightGrams must be integer" } });
    expect(receiver.deliveries().map((d) => [d.status, d.refusal?.step])).toEqual([[200, undefined], [401, 'missing-credentials'], [401, 'invalid-credentials'], [400, 'schema-violation']]);
  });

  it('answers 204 and no body where the contract documents that, and misbehaves only as planted', async () => {
    const lost = contract.webhooks.get('parcel.lost')!;
    const auth = senderAuth(lost, contract.securitySchemes, undefined, secret);
    receiver = await startEventReceiver({ event: lost, auth, contract, validators, seed: 7, clock: createClock(), faults: ['skips-authentication', 'skips-validation'] });
    expect(await post(auth, { ...good, type: 'parcel.lost' })).toEqual({ status: 204, body: undefined });
    expect((await post(auth, { nothing: 'right' }, false)).status).toBe(204);
  });
});
