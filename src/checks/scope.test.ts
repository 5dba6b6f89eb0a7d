import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.ts';
import { currentCheckScope, inCheckScope, outsideAnyCheck } from './scope.ts';

const check = { family: 'idempotency', name: 'createPayout replay' };
const draws = (attempt?: number) => inCheckScope(createRng(7), check, async (s) => [s.rng.uuid(), s.rng.alnum(8)], attempt);

describe('a check scope', () => {
  it('gives a check the same stream every run, whatever ran before it, and another check another one', async () => {
    const first = await draws();
    createRng(7).uuid();
    expect(await draws()).toEqual(first);
    expect(await inCheckScope(createRng(7), { ...check, name: 'createPayout mismatch' }, async (s) => [s.rng.uuid(), s.rng.alnum(8)])).not.toEqual(first);
  });

  it('gives a second attempt a stream of its own, the same every run, and a scope id of its own', async () => {
    const first = await inCheckScope(createRng(7), check, async (s) => ({ id: s.id, rng: s.rng }));
    const second = () => inCheckScope(first.rng, check, async (s) => ({ id: s.id, attempt: s.attempt, drawn: s.rng.uuid() }), 2);
    const [a, b] = [await second(), await second()];
    expect(a.attempt).toBe(2);
    expect(a.drawn).toBe(b.drawn);
    expect(a.drawn).not.toBe(createRng(7).fork(`check:${check.family} ${check.name}`).uuid());
    expect(new Set([first.id, a.id, b.id]).size).toBe(3);
  });

  it('is left by work that belongs to no check, and found again after it', async () => {
    await inCheckScope(createRng(7), check, async (s) => {
      expect(await outsideAnyCheck(async () => currentCheckScope())).toBeUndefined();
      expect(currentCheckScope()).toBe(s);
    });
  });
});
