import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse, fixtureId } from '../src/contract/index.ts';
import type { Operation } from '../src/contract/index.ts';
import type { Partner } from '../src/partner/index.ts';
import { LIMITATION_HEADER, startSimulator } from '../src/simulator/index.ts';
import type { Simulator } from '../src/simulator/index.ts';
import { contractOnlyPartner } from './helpers/fixture-partner.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 17, item 3: every answer the simulator gives validates against the response its operation documents for
// that status, errors go out under documented statuses (else a marked 501), and what a create answers is what a
// read of it answers. test/fixtures/contracts/self-kept.yaml holds, one operation each, the ways the simulator
// broke real providers' contracts before (Adyen Payout and Transfer, PayPal, Square).

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

let ws: Awaited<ReturnType<typeof tempDir>>;
let partner: Partner;
let sim: Simulator;
/** Every answer of the shared simulator, with the operation it answered: all are judged at the end. */
const answered: Array<{ op: Operation; answer: Answer }> = [];

beforeAll(async () => {
  ws = await tempDir('railgate-self-kept-');
  partner = await contractOnlyPartner(ws.dir, 'selfkept', path.join(REPO, 'test/fixtures/contracts/self-kept.yaml'));
  sim = await startSimulator({ partner, seed: 1 });
});

afterAll(async () => {
  await sim.close();
  await ws.dispose();
});

function op(id: string): Operation {
  return partner.contract.operations.get(id)!;
}

/** The fixture id the request generator gives `param` when it calls `operationId`. */
function fixtureOf(operationId: string, param: string): string {
  return fixtureId(partner.contract, op(operationId), op(operationId).parameters.find((p) => p.name === param)!);
}

async function call(to: Simulator, operationId: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Answer> {
  const res = await request(to.baseUrl + url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), headersTimeout: 5000, bodyTimeout: 5000 });
  const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
  const answer = { status: res.statusCode, headers, body: (await res.body.json()) as Record<string, unknown> };
  if (to === sim) answered.push({ op: op(operationId), answer });
  return answer;
}

/** What the contract family would say of an answer. */
function breaks(operationId: string, a: Answer): string[] {
  return checkResponse(partner.validators, op(operationId), a).map((i) => i.message);
}

/** Every key anywhere in a body. */
function keysOf(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('the simulator answers within the contract it serves', () => {
  it('Adyen Payout: a closed answer gets no id echoed into it, and no `x-` keyword becomes a field', async () => {
    const a = await call(sim, 'createPayout', 'POST', '/payouts', { amount: 1500, reference: 'R-1' });
    expect(a.status).toBe(200);
    expect(breaks('createPayout', a)).toEqual([]);
    expect(a.body).not.toHaveProperty('id');
    expect(keysOf(a.body).filter((k) => k.startsWith('x-') || k === '$ref')).toEqual([]);
  });

  it("Adyen Transfer: an example that breaks its own schema is never answered; a valid body is, and a read returns what the create answered", async () => {
    const created = await call(sim, 'createTransfer', 'POST', '/transfers', { amount: 900 });
    expect(created.status).toBe(201);
    expect(breaks('createTransfer', created)).toEqual([]);
    // The example's categoryData `{ priority: fast }` matches both branches; the answer's is one branch's.
    expect(created.body.categoryData).toMatchObject({ type: expect.stringMatching(/^(bank|card)$/) as string });
    expect(created.body.amount).toBe(900);
    const read = await call(sim, 'getTransfer', 'GET', `/transfers/${String(created.body.id)}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('a bad request is answered under the closest documented status: 422 where 400 is not documented', async () => {
    const a = await call(sim, 'createPayout', 'POST', '/payouts', { amount: 'lots' });
    expect(a.status).toBe(422);
    expect(breaks('createPayout', a)).toEqual([]);
    expect(a.body).toMatchObject({ error: { message: 'body /amount must be integer' } });
  });

  it('an operation that documents no error answers a bad request with a 501 marked as the simulator’s limitation', async () => {
    const a = await call(sim, 'createReport', 'POST', '/reports', { period: 'year' });
    expect(a.status).toBe(501);
    expect(a.headers[LIMITATION_HEADER]).toBe('limitation');
    expect(a.body).toEqual({ error: { code: 'SIMULATOR_LIMITATION', message: expect.stringMatching(/^createReport documents no error answer, so the simulator cannot say 400 here \(body \/period must be one of/) as string } });
    // The same operation answered within the contract carries no mark.
    const ok = await call(sim, 'createReport', 'POST', '/reports', { period: 'day' });
    expect(ok.status).toBe(200);
    expect(ok.headers[LIMITATION_HEADER]).toBeUndefined();
  });

  it('PayPal: an authorization the contract reads but never creates is held from the start, under the id each operation is given', async () => {
    const read = await call(sim, 'getAuthorization', 'GET', `/authorizations/${fixtureOf('getAuthorization', 'authorizationId')}`);
    expect(read.status).toBe(200);
    expect(breaks('getAuthorization', read)).toEqual([]);
    expect(read.body.id).toBe(fixtureOf('getAuthorization', 'authorizationId'));
    const captured = await call(sim, 'captureAuthorization', 'POST', `/authorizations/${fixtureOf('captureAuthorization', 'authorizationId')}/capture`, {});
    expect(captured.status).toBe(201);
    expect(breaks('captureAuthorization', captured)).toEqual([]);
    // The capture is read where the contract reads captures: the same schema, the same resource.
    const again = await call(sim, 'getCapture', 'GET', `/captures/${String(captured.body.id)}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(captured.body);
  });

  it('PayPal: a capture of an unknown authorization is the documented 404, as a read of it is', async () => {
    const capture = await call(sim, 'captureAuthorization', 'POST', '/authorizations/NOSUCHAUTH0000000/capture', {});
    const read = await call(sim, 'getAuthorization', 'GET', '/authorizations/NOSUCHAUTH0000000');
    expect([capture.status, read.status]).toEqual([404, 404]);
    expect([...breaks('captureAuthorization', capture), ...breaks('getAuthorization', read)]).toEqual([]);
  });

  it('a recursive schema gives a finite body its schema accepts', async () => {
    const a = await call(sim, 'getCategory', 'GET', '/categories/cat_root');
    expect(a.status).toBe(200);
    expect(breaks('getCategory', a)).toEqual([]);
    expect(a.body.id).toBe('cat_root');
  });

  it('no answer given above breaks the contract, save the one marked as a limitation', () => {
    expect(answered).toHaveLength(12);
    const broken = answered.filter(({ answer }) => answer.headers[LIMITATION_HEADER] === undefined).flatMap(({ op: o, answer }) => checkResponse(partner.validators, o, answer).map((i) => i.message));
    expect(broken).toEqual([]);
  });
});

describe('planted defects still go out broken', () => {
  it('schema-drift: the answer breaks the contract on purpose, after the simulator kept it', async () => {
    const drifting = await startSimulator({ partner, seed: 1, defects: ['schema-drift'] });
    try {
      const a = await call(drifting, 'createTransfer', 'POST', '/transfers', { amount: 900 });
      expect(a.body.amount).toBe('900');
      expect(breaks('createTransfer', a)).toContain('createTransfer 201: body /amount must be integer');
    } finally {
      await drifting.close();
    }
  });
});
