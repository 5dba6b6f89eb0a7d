import { describe, expect, it } from 'vitest';
import { describeAnswer, resolveIdempotency } from './resolve.ts';

describe('resolveIdempotency', () => {
  it('fills the IETF draft defaults: 400 missing, 422 mismatch, 409 in flight; uuid keys, 24h, 10 at once', () => {
    expect(resolveIdempotency({ idempotency: { header: 'Idempotency-Key', operations: ['create'] } })).toEqual({
      header: 'Idempotency-Key',
      operations: ['create'],
      key: { format: 'uuid' },
      windowMs: 86_400_000,
      concurrency: 10,
      dedupeOnBody: false,
      missingKey: { status: 400 },
      mismatch: { status: 422 },
      inFlight: { status: 409 },
      replayHeader: undefined,
    });
  });

  it("keeps what the profile documents, 'accepted' and 'replay' included", () => {
    const r = resolveIdempotency({
      idempotency: { header: 'X-Key', operations: [], key: { format: 'alnum', length: 24 }, window: '10m', concurrency: 4, dedupeOnBody: true, answers: { missingKey: 'accepted', mismatch: { status: 400, code: 'idempotency_error' }, inFlight: 'replay', replay: { header: 'Idempotent-Replayed' } } },
    });
    expect(r).toMatchObject({ key: { format: 'alnum', length: 24 }, windowMs: 600_000, concurrency: 4, dedupeOnBody: true, missingKey: 'accepted', inFlight: 'replay', replayHeader: 'Idempotent-Replayed' });
  });

  it('is undefined without an idempotency section', () => {
    expect(resolveIdempotency({})).toBeUndefined();
  });
});

describe('describeAnswer', () => {
  it('names an answer as messages do', () => {
    expect(describeAnswer({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' })).toBe('409 IDEMPOTENCY_KEY_REUSED');
    expect(describeAnswer({ status: 422 })).toBe('422');
    expect(describeAnswer('accepted')).toMatch(/^accepted/);
  });
});
