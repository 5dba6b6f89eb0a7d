import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, formatInputProblem } from '../source/index.ts';
import { REPO } from '../../test/helpers/workspace.ts';
import { checkResponse } from './conformance.ts';
import { loadContract } from './load-contract.ts';
import { SchemaValidators } from './schema-validators.ts';

const fixture = (f: string): string => path.relative(process.cwd(), path.join(REPO, 'test/fixtures/contracts', f));

async function problems(file: string): Promise<string[]> {
  try {
    await loadContract(file);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatInputProblem);
    throw e;
  }
  return [];
}

describe('loadContract', () => {
  it('loads OpenAPI 3.0 JSON, indexes operations, reads nullable and boolean exclusiveMinimum as meant', async () => {
    const c = await loadContract(fixture('petty-3.0.json'));
    expect(c.title).toBe('Petty Cash');
    expect(c.basePath).toBe('/api/v1');
    expect([...c.operations.keys()]).toEqual(['getRefund']);
    const op = c.operations.get('getRefund')!;
    const v = new SchemaValidators(c.bundled, '3.0');
    expect(checkResponse(v, op, { status: 200, headers: { 'content-type': 'application/json' }, body: { id: 'r1', amount: 5, note: null } })).toEqual([]);
    expect(checkResponse(v, op, { status: 200, headers: { 'content-type': 'application/json' }, body: { id: 'r1', amount: 0, note: 'x' } }).map((i) => i.message)).toEqual(['getRefund 200: body /amount must be > 0']);
    // 4XX documents every client error; 500 is not documented.
    expect(checkResponse(v, op, { status: 404, headers: {}, body: undefined })).toEqual([]);
    expect(checkResponse(v, op, { status: 500, headers: {}, body: undefined })[0]?.rule).toBe('undocumented-status');
  });

  it('follows $ref across files and hashes every file of the contract', async () => {
    const c = await loadContract(fixture('split/main.yaml'));
    const op = c.operations.get('createCharge')!;
    const v = new SchemaValidators(c.bundled, '3.1');
    const pointer = op.responses[0]!.content[0]!.schemaPointer!;
    expect(v.validate(pointer, { amount: 1, currency: null })).toEqual([]);
    expect(v.validate(pointer, { amount: '1' })).toEqual([{ at: '/amount', message: 'must be integer' }]);
    expect(c.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('locates a break of the OpenAPI schema in the contract file', async () => {
    expect(await problems(fixture('broken.yaml'))).toEqual([`${fixture('broken.yaml')}:9:11  paths["/a"].post.responses[200]: missing required key 'description'`]);
  });

  it('reports an operationId used twice at its second use', async () => {
    expect(await problems(fixture('duplicate-ids.yaml'))).toEqual([`${fixture('duplicate-ids.yaml')}:10:20  paths["/b"].get.operationId: operationId 'same' is used twice`]);
  });

  it('refuses Swagger 2.0 with a clear message', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join((await import('node:os')).tmpdir(), 'rg-'));
    const f = path.join(dir, 'old.yaml');
    await writeFile(f, "swagger: '2.0'\ninfo: { title: x, version: '1' }\npaths: {}\n");
    expect(await problems(f)).toEqual([`${f}:1:1  openapi: Swagger 2.0 is not supported: convert the contract to OpenAPI 3.0 or 3.1`]);
  });

  it('reports a missing file as a located problem', async () => {
    expect(await problems('contracts/none.yaml')).toEqual(['contracts/none.yaml:1:1  file not found']);
  });
});

// The published contracts of real providers: large, split by tags, and not always valid.
describe('real payment-provider contracts', () => {
  const real = (f: string): string => path.join(REPO, '../shared/contracts-real', f);

  it.each([
    ['adyen/PayoutService-v68.yaml', 'Adyen Payout API'],
    ['adyen/TransferService-v4.yaml', 'Transfers API'],
    ['adyen/CheckoutService-v72.yaml', 'Adyen Checkout API'],
    ['adyen/BalancePlatformTransferNotification-v4.yaml', 'Transfer webhooks'],
    ['paypal/payments_payment_v2.json', 'Payments'],
  ])('%s loads strictly', async (file, title) => {
    const c = await loadContract(real(file));
    expect(c.title).toBe(title);
  });

  it('Square (3 MB, OpenAPI 3.0, with schema breaks and remote refs) loads leniently with located warnings', async () => {
    await expect(loadContract(real('square/api.json'))).rejects.toThrow(/security\[0\]\.oauth2: must be array/);
    const c = await loadContract(real('square/api.json'), { validation: 'lenient' });
    expect(c.operations.size).toBeGreaterThan(300);
    expect(c.warnings.some((w) => /remote \$ref not fetched/.test(w.message))).toBe(true);
    expect(c.warnings.some((w) => /CatalogModifierToggleOverrideType does not exist/.test(w.message) && w.line > 1)).toBe(true);
  });
});
