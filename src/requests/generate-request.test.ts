import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { addFormats } from '../contract/ajv-formats.ts';
import { fixtureId, loadContract, SchemaValidators } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { REPO } from '../../test/helpers/workspace.ts';
import { generateRequest } from './generate-request.ts';
import type { RequestSources } from './generate-request.ts';

let contract: Contract;
let sources: (seed: number) => RequestSources;
/** An ajv of the test's own, apart from the partner's validators the generator uses. */
let valid: (schema: string, value: unknown) => boolean;

beforeAll(async () => {
  contract = await loadContract(path.join(REPO, 'test/fixtures/contracts/requests-generated.yaml'));
  const validators = new SchemaValidators(contract.bundled, '3.1');
  sources = (seed) => ({ contract, validators, seed });
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv as never);
  ajv.addSchema({ ...contract.bundled, $id: 'urn:railgate:test' });
  valid = (schema, value) => ajv.validate(`urn:railgate:test#/components/schemas/${schema}`, value) as boolean;
});

const op = (id: string) => contract.operations.get(id)!;
const SEEDS = Array.from({ length: 25 }, (_, i) => 20261121 + i * 7919);
const bodyOf = (id: string, seed: number) => generateRequest(sources(seed), op(id)).parts.body as Record<string, unknown>;

describe('generateRequest', () => {
  it('gives the same request for the same seed and another for another seed', () => {
    const a = generateRequest(sources(20261121), op('createPayment'));
    expect(generateRequest(sources(20261121), op('createPayment'))).toEqual(a);
    expect(generateRequest(sources(42), op('createPayment')).parts.body).not.toEqual(a.parts.body);
    expect(generateRequest(sources(42), op('searchPayments')).parts.query).not.toEqual(generateRequest(sources(20261121), op('searchPayments')).parts.query);
  });

  it('generates bodies its schema accepts: formats, patterns, enums, a discriminated oneOf, seed after seed', () => {
    for (const seed of SEEDS) {
      const body = bodyOf('createPayment', seed);
      expect(valid('Payment', body), JSON.stringify(body)).toBe(true);
      expect(body.reference).toMatch(/^RG-[A-Z0-9]{8}$/);
      expect(['EUR', 'USD', 'JPY']).toContain(body.currency);
      if (body.email !== undefined) expect(body.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      if (body.settleBy !== undefined) expect(body.settleBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const method = body.method as Record<string, unknown>;
      // The discriminator names the branch generated: a card has a number, a wallet none.
      expect(method.type).toBe('number' in method ? 'card' : 'wallet');
    }
    const kinds = new Set(SEEDS.map((seed) => (bodyOf('createPayment', seed).method as { type: string }).type));
    expect(kinds).toEqual(new Set(['card', 'wallet']));
  });

  it('leaves out read-only fields and x- keywords, keeps a property whose name begins with x-', () => {
    const bodies = SEEDS.map((seed) => bodyOf('createPayment', seed));
    expect(bodies.filter((b) => 'id' in b)).toEqual([]);
    expect(JSON.stringify(bodies)).not.toMatch(/x-enum-elements|x-faker|LABEL/);
    expect(bodies.some((b) => typeof b['x-trace'] === 'string')).toBe(true);
  });

  it('generates query and header parameters their schemas accept, optional ones left out', () => {
    for (const seed of SEEDS) {
      const { parts, missing } = generateRequest(sources(seed), op('searchPayments'));
      expect(missing).toEqual([]);
      expect(['pending', 'settled', 'failed']).toContain(parts.query!.status);
      expect(new Date(String(parts.query!.since)).toString()).not.toBe('Invalid Date');
      expect(parts.query!.ref).toMatch(/^RG-[A-Z0-9]{8}$/);
      expect(parts.query).not.toHaveProperty('limit');
      expect(parts.headers!['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('ends on a cyclic schema with a finite, valid body', () => {
    const depth = (c: Record<string, unknown>): number => 1 + Math.max(0, ...[c.parent, ...((c.children as unknown[]) ?? [])].filter(Boolean).map((x) => depth(x as Record<string, unknown>)));
    for (const seed of SEEDS) {
      const body = bodyOf('createCategory', seed);
      expect(valid('Category', body), JSON.stringify(body)).toBe(true);
      expect(depth(body)).toBeLessThanOrEqual(2);
    }
  });

  it("replaces an example that breaks its own schema, and keeps one that validates", () => {
    const capture = bodyOf('createCapture', 20261121);
    expect(capture).not.toEqual({ amount: 'all of it' });
    expect(valid('Capture', capture)).toBe(true);
    expect(bodyOf('createRefund', 20261121)).toEqual({ amount: 150 });
  });

  it('puts each path parameter at its fixture id, also one the operation forgets to declare', () => {
    const { parts } = generateRequest(sources(1), op('getCapture'));
    const [paymentId, captureId] = op('getCapture').parameters;
    expect(parts.params).toEqual({ paymentId: fixtureId(contract, op('getCapture'), paymentId!), captureId: fixtureId(contract, op('getCapture'), captureId!) });
    expect(generateRequest(sources(1), op('updateVendor')).parts.params).toEqual({ vendor_id: fixtureId(contract, op('updateVendor'), { name: 'vendor_id', in: 'path', required: true }) });
  });

  it('names the part that could not be made and why', () => {
    expect(generateRequest(sources(1), op('impossibleQuery')).missing).toEqual([
      { in: 'query', name: 'q', why: "no query parameter 'q' valid against the contract could be generated in 5 attempts: the value must NOT have more than 2 characters" },
    ]);
    expect(generateRequest(sources(1), op('upload')).missing).toEqual([
      { in: 'body', why: 'the request body is multipart/form-data, which railgate does not generate, and the contract gives no example' },
    ]);
  });
});
