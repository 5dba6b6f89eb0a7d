import { describe, expect, it } from 'vitest';
import { IdempotencyKeyStore, decide } from './key-store.ts';
import type { SavedAnswer } from './key-store.ts';

const SAVED: SavedAnswer = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"po_1"}' };

describe('decide', () => {
  it('lets a free key proceed, replays the same body, refuses another, reports one in flight', () => {
    const store = new IdempotencyKeyStore(1000);
    expect(decide(store.peek('k', 0), 'fp1')).toBe('proceed');
    const ticket = store.take('k', 'fp1', 0);
    expect(decide(store.peek('k', 1), 'fp1')).toBe('in-flight');
    expect(decide(store.peek('k', 1), 'fp2')).toBe('in-flight');
    ticket.settle(SAVED);
    expect(decide(store.peek('k', 2), 'fp1')).toBe('replay');
    expect(decide(store.peek('k', 2), 'fp2')).toBe('conflict');
  });
});

describe('IdempotencyKeyStore', () => {
  it('forgets a key once the window has passed since it was taken', () => {
    const store = new IdempotencyKeyStore(1000);
    store.take('k', 'fp', 0).settle(SAVED);
    expect(store.peek('k', 1000)?.state).toBe('done');
    expect(store.peek('k', 1001)).toBeUndefined();
  });

  it('releases an abandoned key, and tells those waiting on it', async () => {
    const store = new IdempotencyKeyStore(1000);
    const ticket = store.take('k', 'fp', 0);
    const entry = store.peek('k', 0);
    ticket.settle(undefined);
    expect(store.peek('k', 0)).toBeUndefined();
    expect(entry?.state === 'in-flight' && (await entry.done)).toBeUndefined();
  });

  it('resolves the in-flight promise with the answer, for duplicates that wait for a replay', async () => {
    const store = new IdempotencyKeyStore(1000);
    const ticket = store.take('k', 'fp', 0);
    const entry = store.peek('k', 0);
    ticket.settle(SAVED);
    expect(entry?.state === 'in-flight' && (await entry.done)).toEqual(SAVED);
  });

  it('keeps the newer hold when an older ticket settles (a racing defect overwrote it)', () => {
    const store = new IdempotencyKeyStore(1000);
    const first = store.take('k', 'fp', 0);
    store.take('k', 'fp', 1);
    first.settle(SAVED);
    expect(store.peek('k', 2)?.state).toBe('in-flight');
  });

  it('finds a done entry of the same operation by body, within the window', () => {
    const store = new IdempotencyKeyStore(1000);
    store.record('createPayout k1', 'fp', SAVED, 0);
    expect(store.findByBody('createPayout ', 'fp', 10)?.saved).toEqual(SAVED);
    expect(store.findByBody('createRefund ', 'fp', 10)).toBeUndefined();
    expect(store.findByBody('createPayout ', 'other', 10)).toBeUndefined();
    expect(store.findByBody('createPayout ', 'fp', 2000)).toBeUndefined();
  });
});
