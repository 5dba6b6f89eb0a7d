import { existsSync } from 'node:fs';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse, requestExample } from '../src/contract/index.ts';
import type { Partner } from '../src/partner/index.ts';
import { LIMITATION_HEADER, startSimulator } from '../src/simulator/index.ts';
import type { Simulator } from '../src/simulator/index.ts';
import { contractOnlyPartner } from './helpers/fixture-partner.ts';
import { REPO, tempDir } from './helpers/workspace.ts';

// Issue 17, item 3, on Adyen's real Payout contract (v68): its answers are closed (`additionalProperties: false`)
// and carry no id, and `additionalData` is documented with an `x-anyOf` list beside its schema. Before, the
// simulator wrote an id at /id into every answer and the faker turned `x-anyOf` into a field: six conformance
// checks blamed the partner. Every operation, called with the contract's own request example, must now
// answer within the contract.

const CONTRACT = path.resolve(REPO, '../shared/contracts-real/adyen/PayoutService-v68.yaml');
const present = existsSync(CONTRACT);
if (!present) console.warn(`skipped: ${CONTRACT} is not there (the real provider contracts sit beside the project)`);

function keysOf(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe.skipIf(!present)('the simulator of Adyen Payout v68', () => {
  let ws: Awaited<ReturnType<typeof tempDir>>;
  let partner: Partner;
  let sim: Simulator;
  beforeAll(async () => {
    ws = await tempDir('railgate-adyen-payout-');
    partner = await contractOnlyPartner(ws.dir, 'adyen-payout', CONTRACT);
    sim = await startSimulator({ partner, seed: 20261121 });
  });
  afterAll(async () => {
    await sim.close();
    await ws.dispose();
  });

  it('answers each operation, called with its own request example, within the contract', async () => {
    const ops = [...partner.contract.operations.values()];
    expect(ops.map((o) => o.id)).toContain('post-payout');
    for (const op of ops) {
      const res = await request(sim.baseUrl + op.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(requestExample(op)), headersTimeout: 5000, bodyTimeout: 5000 });
      const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
      const answer = { status: res.statusCode, headers, body: (await res.body.json()) as Record<string, unknown> };
      expect(answer.status, op.id).toBe(200);
      expect(headers[LIMITATION_HEADER], op.id).toBeUndefined();
      expect(checkResponse(partner.validators, op, answer), op.id).toEqual([]);
      expect(answer.body, op.id).not.toHaveProperty('id');
      expect(keysOf(answer.body).filter((k) => k.startsWith('x-') || k === '$ref'), op.id).toEqual([]);
    }
  });
});
