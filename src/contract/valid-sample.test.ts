import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../test/helpers/workspace.ts';
import { loadContract } from './load-contract.ts';
import type { Contract } from './model.ts';
import { SchemaValidators } from './schema-validators.ts';
import { validSample } from './valid-sample.ts';
import type { SampleSite } from './valid-sample.ts';

// json-schema-faker alone broke these schemas (issue 17): `x-anyOf` came out as a field, a `oneOf` whose branches
// differ by an optional discriminator came out `{}` (every branch matched), recursion was cut into placeholders.

const FIXTURES = path.join(REPO, 'test/fixtures/contracts');

async function load(file: string): Promise<{ contract: Contract; validators: SchemaValidators }> {
  const contract = await loadContract(path.join(FIXTURES, file));
  return { contract, validators: new SchemaValidators(contract.bundled, '3.1') };
}

const answer = (pointer: string, seed: number): SampleSite => ({ pointer, direction: 'answer', seed, label: 'body' });

describe('validSample as an answer (the simulator)', () => {
  let kept: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    kept = await load('self-kept.yaml');
  });

  it.each(['PayoutResult', 'Transfer', 'Authorization', 'Capture', 'Category', 'Report', 'Error'])('%s: a body its schema accepts, the same for the same seed', (name) => {
    const pointer = `/components/schemas/${name}`;
    const { value, issues, why } = validSample(kept.contract.bundled, kept.validators, answer(pointer, 5));
    expect(issues).toEqual([]);
    expect(why).toBeUndefined();
    expect(kept.validators.validate(pointer, value)).toEqual([]);
    expect(validSample(kept.contract.bundled, kept.validators, answer(pointer, 5)).value).toEqual(value);
  });

  it('binds a discriminator to the branch it generates', () => {
    const { value } = validSample(kept.contract.bundled, kept.validators, answer('/components/schemas/Transfer', 5));
    expect((value as { categoryData: { type: string } }).categoryData.type).toMatch(/^(bank|card)$/);
  });

  it('leaves out an optional part that could only repeat itself forever, and says so of a required one', async () => {
    const endless = await load('cycles-endless.yaml');
    const entry = validSample(endless.contract.bundled, endless.validators, answer('/components/schemas/Entry', 1));
    expect(entry.issues).toEqual([]);
    expect(entry.value).not.toHaveProperty('chain');
    // Every Chain must hold another: no finite body satisfies it. The least wrong one comes back, with its issues.
    const chain = validSample(endless.contract.bundled, endless.validators, answer('/components/schemas/Chain', 1));
    expect(chain.issues).not.toEqual([]);
    expect(chain.why).toMatch(/^no body valid against the contract could be generated in 8 attempts: /);
  });
});

describe('validSample: what any value gets', () => {
  const either = (a: string, b: string) => ({ oneOf: [{ $ref: `#/components/schemas/${a}` }, { $ref: `#/components/schemas/${b}` }] });
  const only = (name: string, schema: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required: [name], properties: { [name]: schema } });
  const bundled = {
    components: {
      schemas: {
        A: only('a', { type: 'string', enum: ['a'] }),
        B: only('b', { type: 'integer' }),
        C: { type: 'object', required: ['c'], properties: { c: { type: 'boolean' } } },
        D: { type: 'object', required: ['d'], properties: { d: { type: 'string', format: 'date' } } },
        // json-schema-faker, handed every branch, keeps one union where it merges these: never valid.
        TwoUnions: { allOf: [either('C', 'D'), { oneOf: [{ $ref: '#/components/schemas/A' }, { required: ['c'] }] }] },
        OneAndAny: { anyOf: [{ $ref: '#/components/schemas/C' }, { $ref: '#/components/schemas/D' }], oneOf: [{ required: ['c'] }, { required: ['d'] }] },
        Account: {
          type: 'object',
          required: ['name', 'created'],
          properties: {
            id: { type: 'string', readOnly: true },
            created: { type: 'string', format: 'date-time', readOnly: true },
            name: { type: 'string' },
            secret: { type: 'string', writeOnly: true },
          },
        },
        Broken: { type: 'integer', minimum: 'ten' },
        // A `nullable` as the loader writes it, and a required reference to itself that only a null can end.
        Maybe: { anyOf: [{ $ref: '#/components/schemas/C' }, { type: 'null' }] },
        Node: { type: 'object', required: ['next'], properties: { next: { anyOf: [{ $ref: '#/components/schemas/Node' }, { type: 'null' }] } } },
      },
    },
  };
  const validators = new SchemaValidators(bundled, '3.1');
  const site = (name: string, direction: SampleSite['direction'], seed: number): SampleSite => ({ pointer: `/components/schemas/${name}`, direction, seed, label: 'body' });
  const seeds = Array.from({ length: 20 }, (_, i) => 7 + i * 131);

  it.each(['TwoUnions', 'OneAndAny'])('%s: two unions on one value, each generated from a branch picked', (name) => {
    for (const seed of seeds) {
      const { value, why } = validSample(bundled, validators, site(name, 'request', seed));
      expect(why, JSON.stringify(value)).toBeUndefined();
      expect(validators.validate(`/components/schemas/${name}`, value)).toEqual([]);
    }
  });

  it('leaves out of a request what only the server writes, and out of an answer what only the client sends; a required one stays', () => {
    const requests = seeds.map((seed) => validSample(bundled, validators, site('Account', 'request', seed)).value as Record<string, unknown>);
    const answers = seeds.map((seed) => validSample(bundled, validators, site('Account', 'answer', seed)).value as Record<string, unknown>);
    expect(requests.filter((r) => 'id' in r)).toEqual([]);
    expect(requests.every((r) => typeof r.created === 'string')).toBe(true);
    expect(requests.some((r) => typeof r.secret === 'string')).toBe(true);
    expect(answers.filter((a) => 'secret' in a)).toEqual([]);
    expect(answers.every((a) => typeof a.id === 'string')).toBe(true);
  });

  it('gives null only where nothing else ends the value', () => {
    for (const seed of seeds) {
      expect(validSample(bundled, validators, site('Maybe', 'answer', seed)).value).toEqual({ c: expect.any(Boolean) });
      expect(validSample(bundled, validators, site('Node', 'answer', seed))).toEqual({ value: { next: null }, issues: [] });
    }
  });

  it('takes the first example the schema accepts, and gives the value its own demand refuses the reason', () => {
    expect(validSample(bundled, validators, { ...site('C', 'request', 1), examples: [undefined, { c: 'no' }, { c: true }] }).value).toEqual({ c: true });
    const refused = validSample(bundled, validators, { ...site('C', 'request', 1), label: "query parameter 'c'", unfit: () => 'is an object' });
    expect(refused.why).toBe("no query parameter 'c' valid against the contract could be generated in 5 attempts: is an object");
  });

  it('a schema ajv cannot compile cannot judge a value: the first one generated stands, its issue said', () => {
    const { value, issues, why } = validSample(bundled, validators, site('Broken', 'answer', 1));
    expect(why).toBeUndefined();
    expect(typeof value).toBe('number');
    expect(issues).toEqual([{ at: '/', message: expect.stringMatching(/^cannot be checked: /) }]);
  });
});
