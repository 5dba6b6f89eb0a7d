import { describe, expect, it } from 'vitest';
import { graft } from './graft.ts';

// A toy schema as a predicate: a closed object whose `status` is one of two words and whose `items` are numbers.
const accepts = (b: unknown): boolean => {
  const o = b as { status?: unknown; items?: unknown[] } & Record<string, unknown>;
  return Object.keys(o).every((k) => k === 'status' || k === 'items') && (o.status === 'OPEN' || o.status === 'DONE') && (o.items ?? []).every((i) => typeof i === 'number');
};

describe('graft: what the simulator meant to say, wherever the schema lets it', () => {
  it('keeps the values that fit and leaves out the keys the schema has no place for', () => {
    expect(graft({ id: 'po_1', status: 'DONE' }, { status: 'OPEN' }, accepts)).toEqual({ status: 'DONE' });
    expect(graft({ status: 'LOST' }, { status: 'OPEN' }, accepts)).toEqual({ status: 'OPEN' });
  });

  it('keeps a list as long as it was: an item that fits nowhere stays a copy of a valid one', () => {
    expect(graft({ status: 'DONE', items: [3, 'x', 5] }, { status: 'OPEN', items: [0] }, accepts)).toEqual({ status: 'DONE', items: [3, 3, 5] });
  });

  it('changes neither argument', () => {
    const wanted = { status: 'LOST', items: [1] };
    const valid = { status: 'OPEN', items: [0] };
    graft(wanted, valid, accepts);
    expect([wanted, valid]).toEqual([{ status: 'LOST', items: [1] }, { status: 'OPEN', items: [0] }]);
  });
});
