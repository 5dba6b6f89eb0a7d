import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.ts';
import { UnknownVariable, interpolate } from './interpolate.ts';
import type { Variables } from './interpolate.ts';

function vars(values: Record<string, unknown> = {}): Variables {
  let seq = 0;
  return { values: new Map(Object.entries(values)), rng: createRng(1), env: { PARTNER_REF: 'abc' }, now: () => new Date('2026-11-21T10:00:00Z'), nextSeq: () => ++seq };
}

describe('interpolate', () => {
  it('keeps the type of a whole-string expression and writes text inside longer strings', () => {
    const v = vars({ create: { status: 201, body: { id: 'po_1', amount: 1500 } } });
    expect(interpolate({ id: '${create.body.id}', amount: '${create.body.amount}', note: 'paid ${create.body.amount} BRL' }, v)).toEqual({ id: 'po_1', amount: 1500, note: 'paid 1500 BRL' });
  });

  it('gives builtins: ${seq} counts, ${now} is the clock, ${env.X} reads the environment', () => {
    const v = vars();
    expect(interpolate(['${seq}', '${seq}', '${now}', '${env.PARTNER_REF}'], v)).toEqual([1, 2, '2026-11-21T10:00:00.000Z', 'abc']);
  });

  it('draws ${uuid} from the seed: same seed, same keys', () => {
    expect(interpolate('${uuid}', vars())).toBe(interpolate('${uuid}', vars()));
    expect(interpolate('${uuid}', vars())).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('names what is missing', () => {
    expect(() => interpolate('${create.body.id}', vars({ other: 1 }))).toThrow(new UnknownVariable("${create.body.id}: 'create' is not captured or named by an earlier step (known: other)"));
    expect(() => interpolate('${env.NOPE}', vars())).toThrow('environment variable NOPE is not set');
    expect(() => interpolate('${c.body.nope}', vars({ c: { body: {} } }))).toThrow('${c.body.nope} is not set');
  });
});
