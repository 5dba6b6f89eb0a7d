import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError, formatInputProblem } from '../source/index.ts';
import { REPO } from '../../test/helpers/workspace.ts';
import { checkResponse } from './conformance.ts';
import { loadContract } from './load-contract.ts';
import type { LoadContractOptions } from './load-contract.ts';
import type { Contract } from './model.ts';
import { SchemaCompileError, SchemaValidators } from './schema-validators.ts';

const fixture = (f: string): string => path.relative(process.cwd(), path.join(REPO, 'test/fixtures/contracts', f));

async function problems(file: string, opts?: LoadContractOptions): Promise<string[]> {
  try {
    await loadContract(file, opts);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatInputProblem);
    throw e;
  }
  return [];
}

/** A loaded fixture with validators for the schema of its first operation's 200 answer. */
async function answers(file: string): Promise<{ contract: Contract; check(body: unknown): string[] }> {
  const contract = await loadContract(fixture(file));
  const validators = new SchemaValidators(contract.bundled, contract.openapi.startsWith('3.1') ? '3.1' : '3.0');
  const pointer = [...contract.operations.values()][0]!.responses.find((r) => r.status === '200')!.content[0]!.schemaPointer!;
  return { contract, check: (body) => validators.validate(pointer, body).map((i) => `${i.at} ${i.message}`) };
}

const located = (p: { file: string; line: number; col: number; path: string; message: string }): string => formatInputProblem(p).replace(/^.*test\/fixtures\/contracts\//, '');

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
    expect(await problems(fixture('broken.yaml'))).toEqual([`${fixture('broken.yaml')}:9:11  paths["/a"].post.responses[200]: missing required key 'description' (contractValidation: lenient makes it a warning)`]);
  });

  it('names a key OpenAPI does not allow, at the key, and the option that relaxes it (issue 15)', async () => {
    // Square's api.json: `info.externalDocs` was told as "info: must NOT have additional properties".
    expect(await problems(fixture('unknown-key.yaml'))).toEqual([`${fixture('unknown-key.yaml')}:5:3  info.externalDocs: unknown key 'externalDocs': OpenAPI does not allow it here (contractValidation: lenient makes it a warning)`]);
    const c = await loadContract(fixture('unknown-key.yaml'), { validation: 'lenient' });
    expect(c.warnings.map((w) => `${w.line}:${w.col} ${w.path}: ${w.message}`)).toEqual(["5:3 info.externalDocs: unknown key 'externalDocs': OpenAPI does not allow it here"]);
  });

  it('reports an operationId used twice at its second use', async () => {
    expect(await problems(fixture('duplicate-ids.yaml'))).toEqual([`${fixture('duplicate-ids.yaml')}:10:20  paths["/b"].get.operationId: operationId 'same' is used twice`]);
  });

  it('refuses Swagger 2.0 with a clear message', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join((await import('node:os')).tmpdir(), 'rg-'));
    const f = path.join(dir, 'old.yaml');
    await writeFile(f, "swagger: '2.0'\ninfo: { title: x, version: '1' }\npaths: {}\n");
    expect(await problems(f)).toEqual([`${f}:1:1  swagger: Swagger 2.0 is not supported: convert the contract to OpenAPI 3.0 or 3.1`]);
  });

  it('reports a missing file as a located problem', async () => {
    expect(await problems('contracts/none.yaml')).toEqual(['contracts/none.yaml:1:1  file not found']);
  });
});

describe('constructs common OpenAPI tools accept (issue 17)', () => {
  it('reads 3.0 `nullable` in a 3.1 contract where it sits: beside a $ref, without a type, in allOf, with an enum', async () => {
    const { contract, check } = await answers('nullable-3.1.yaml');
    expect([...contract.warnings, ...contract.limits]).toEqual([]);
    expect(check({ id: 'po_2', amount: 5, fee: null, status: null, note: null, parent: null })).toEqual([]);
    expect(check({ id: 'po_1', amount: 5, fee: { amount: 1 }, status: 'PAID', note: { any: 'thing' }, parent: { id: 'po_0', amount: 5 } })).toEqual([]);
    // Nothing else changes meaning: what was refused is refused still.
    expect(check({ id: 'po_1', amount: null, fee: { amount: -1 }, status: 'LOST', parent: { amount: 5 } })).toEqual([
      '/amount must be integer',
      '/fee/amount must be >= 0',
      '/fee must be null',
      '/fee must match a schema in anyOf',
      '/status must be one of ["PENDING","PAID",null]',
      "/parent must have required property 'id'",
      '/parent must be null',
      '/parent must match a schema in anyOf',
    ]);
  });

  it('reads a 3.0 contract that uses 3.1 spellings (type lists, examples, const, numeric bounds) as meant', async () => {
    const { contract, check } = await answers('mixed-3.0.yaml');
    expect(contract.warnings).toEqual([]);
    expect(contract.limits.map(located)).toEqual([
      'mixed-3.0.yaml:24:26  components.schemas.Refund.dependentRequired: dependentRequired is JSON Schema 2020-12, which railgate does not apply in an OpenAPI 3.0 contract',
    ]);
    expect(check({ id: 're_1', amount: 1, currency: 'BRL', reason: null, rate: 0.5, payoutId: null })).toEqual([]);
    expect(check({ id: 're_1', amount: 0, currency: 'USD', reason: 3, rate: 1 })).toEqual([
      '/amount must be > 0',
      '/currency must be equal to constant',
      '/reason must be string,null',
      '/rate must be < 1',
    ]);
  });

  it('reports each unknown format once, at its first use, and ajv prints nothing', async () => {
    const printed = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { contract, check } = await answers('unhonoured.yaml');
      expect(contract.limits.map(located)).toEqual([
        "unhonoured.yaml:20:38  components.schemas.PayerId.format: format 'ppaas_payer_id_v3' is not one railgate knows: values are not checked against it (used 3 times)",
        "unhonoured.yaml:25:43  components.schemas.Payer.properties.currency.format: format 'ppaas_common_currency_code_v2' is not one railgate knows: values are not checked against it",
        "unhonoured.yaml:26:40  components.schemas.Payer.properties.since.format: format 'ppaas_date_time_v3' is not one railgate knows: values are not checked against it",
        'unhonoured.yaml:31:40  components.schemas.Payer.properties.iban.pattern: JavaScript cannot compile this pattern (Invalid group): values are not checked against it',
      ]);
      expect(check({ id: 'anything', currency: 'XXX', iban: 'nope', document: { format: 'gif' } })).toEqual(['/document/format must be one of ["pdf","png"]']);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });

  it('names the keyword of a schema ajv refuses, behind the $ref that brings it in', async () => {
    const c = await loadContract(fixture('refused.yaml'));
    const v = new SchemaValidators(c.bundled, '3.1');
    const pointer = c.operations.get('getPayout')!.responses[0]!.content[0]!.schemaPointer!;
    expect(() => v.validate(pointer, {})).toThrow(SchemaCompileError);
    expect(() => v.validate(pointer, {})).toThrow('railgate cannot validate against the contract\'s schema at components.schemas.Amount.minimum: minimum value must be ["number"]');
  });
});

describe('$ref cycles (issues 12 and 17)', () => {
  it('validates recursion across files and within a schema, to any depth', async () => {
    const { contract, check } = await answers('circular/main.yaml');
    expect(contract.warnings).toEqual([]);
    expect(check({ id: 'po_1', creditor: { lastPayout: { id: 'po_0', creditor: { lastPayout: { creditor: {} } } } } })).toEqual(["/creditor/lastPayout/creditor/lastPayout must have required property 'id'"]);
  });

  it('cuts a cycle no validator can finish, names the cycles it cannot honour, and still validates', async () => {
    const { contract, check } = await answers('cycles-endless.yaml');
    expect(contract.warnings.map(located)).toEqual([
      'cycles-endless.yaml:29:23  components.schemas.Memo.allOf[0].$ref: $ref cycle Memo → Memo never reaches a property or an item: a validator would check the same value forever, so railgate reads this $ref as an open schema',
      'cycles-endless.yaml:31:19  components.schemas.Pong.$ref: $ref cycle Ping → Pong → Ping never reaches a property or an item: a validator would check the same value forever, so railgate reads this $ref as an open schema',
      'cycles-endless.yaml:36:23  components.schemas.Chain.properties.next.$ref: every Chain must hold another (Chain → Chain, each step required): no finite body satisfies it, so no answer can conform and railgate cannot generate an example',
    ]);
    expect(check({ id: 'le_1', memo: 7, tag: null, chain: { next: 1 } })).toEqual(['/chain/next must be object']);
  });
});

describe('$refs that miss (issue 12)', () => {
  it('locates a missing component at its $ref and names the target, with the near miss', async () => {
    expect((await problems(fixture('missing-ref.yaml'))).map((p) => p.replace(/^.*contracts\//, ''))).toEqual([
      'missing-ref.yaml:15:31  paths["/payouts/{payoutId}"].get.responses[200].content["application/json"].schema.$ref: $ref target #/components/schemas/Payuot does not exist (did you mean #/components/schemas/Payout?) (contractValidation: lenient makes it a warning)',
      'missing-ref.yaml:16:24  paths["/payouts/{payoutId}"].get.responses[404].$ref: $ref target #/components/responses/NotFund does not exist (did you mean #/components/responses/NotFound?) (contractValidation: lenient makes it a warning)',
    ]);
  });

  it('under lenient validation, loads with each missing target as a located warning and nothing else', async () => {
    const c = await loadContract(fixture('missing-ref.yaml'), { validation: 'lenient' });
    expect(c.warnings.map((w) => `${w.line}:${w.col} ${w.message}`)).toEqual([
      '15:31 $ref target #/components/schemas/Payuot does not exist (did you mean #/components/schemas/Payout?); treated as an open schema',
      '16:24 $ref target #/components/responses/NotFund does not exist (did you mean #/components/responses/NotFound?); treated as an open schema',
    ]);
  });

  it('locates a miss in another file in the file that holds the $ref', async () => {
    const split = fixture('split-missing');
    expect(await problems(`${split}/main.yaml`)).toEqual([
      `${split}/main.yaml:16:31  paths["/charges/{chargeId}"].get.responses[200].content["application/json"].schema.$ref: $ref target ./schemas.yaml#/Chrage does not exist in ${split}/schemas.yaml (did you mean ./schemas.yaml#/Charge?) (contractValidation: lenient makes it a warning)`,
      `${split}/main.yaml:21:31  paths["/charges/{chargeId}"].get.responses[409].content["application/json"].schema.$ref: $ref names a file that does not exist: ${split}/errors.yaml`,
      `${split}/schemas.yaml:8:21  Error.properties.detail.$ref: $ref target #/ErrorDetails does not exist (did you mean #/ErrorDetail?) (contractValidation: lenient makes it a warning)`,
    ]);
  });
});

// The published contracts of real providers: large, split by tags, and not always valid.
const REAL = path.join(REPO, '../shared/contracts-real');
if (!existsSync(REAL)) console.log(`skipping the real payment-provider contracts: ${REAL} is absent`);

describe.skipIf(!existsSync(REAL))('real payment-provider contracts', () => {
  const real = (f: string): string => path.join(REAL, f);

  it.each([
    ['adyen/PayoutService-v68.yaml', 'Adyen Payout API'],
    ['adyen/TransferService-v4.yaml', 'Transfers API'],
    ['adyen/CheckoutService-v72.yaml', 'Adyen Checkout API'],
    ['adyen/BalancePlatformTransferNotification-v4.yaml', 'Transfer webhooks'],
    ['paypal/payments_payment_v2.json', 'Payments'],
  ])('%s loads strictly, with no $ref cycle it cannot honour', async (file, title) => {
    const c = await loadContract(real(file));
    expect(c.title).toBe(title);
    expect(c.warnings).toEqual([]);
  });

  it("PayPal's own formats are each one located warning, not a line from ajv per schema", async () => {
    const c = await loadContract(real('paypal/payments_payment_v2.json'));
    expect(c.limits.map((w) => w.message.replace(/: values.*/, ''))).toEqual([
      "format 'ppaas_common_currency_code_v2' is not one railgate knows",
      "format 'ppaas_date_time_v3' is not one railgate knows",
      "format 'merchant_common_email_address_v2' is not one railgate knows",
      "format 'ppaas_payer_id_v3' is not one railgate knows",
    ]);
    expect(c.limits.every((w) => w.line > 1)).toBe(true);
  });

  it('Square (3 MB, OpenAPI 3.0, with schema breaks and remote refs) loads leniently with located warnings', async () => {
    await expect(loadContract(real('square/api.json'))).rejects.toThrow(/security\[0\]\.oauth2: must be array/);
    const c = await loadContract(real('square/api.json'), { validation: 'lenient' });
    expect(c.operations.size).toBeGreaterThan(300);
    expect(c.warnings.some((w) => /remote \$ref not fetched/.test(w.message))).toBe(true);
    expect(c.warnings.some((w) => /CatalogModifierToggleOverrideType does not exist/.test(w.message) && w.line > 1)).toBe(true);
  });
});
