import { describe, expect, it } from 'vitest';
import type { Exchange } from '../http/index.ts';
import type { Profile } from '../profile/index.ts';
import { answerLimits, partialAttachment } from './answer-limits.ts';

const profile = { environments: { sandbox: { baseUrl: 'https://sandbox.pixpay.example/v2' }, production: { baseUrl: 'https://api.pixpay.example:8443/v2' } } } as unknown as Profile;

describe('answerLimits', () => {
  it("caps bodies at the profile's maxBody (4 MiB by default) and lets redirects name only the profile's hosts and the target's", () => {
    expect(answerLimits(profile, 'http://127.0.0.1:4010/v2')).toEqual({ maxBodyBytes: 4 * 1024 * 1024, hosts: ['127.0.0.1:4010', 'sandbox.pixpay.example', 'api.pixpay.example:8443'] });
    expect(answerLimits({ ...profile, maxBody: '512KB' }, 'https://sandbox.pixpay.example/v2').maxBodyBytes).toBe(512 * 1024);
    expect(answerLimits({ ...profile, maxBody: 1000 }, 'https://sandbox.pixpay.example/v2').maxBodyBytes).toBe(1000);
  });
});

describe('partialAttachment', () => {
  it('shows what came of a refused answer, saying it is truncated', () => {
    const exchange: Exchange = {
      seq: 7,
      request: { method: 'GET', url: 'https://sandbox.pixpay.example/v2/payouts', headers: {} },
      startedAt: '',
      durationMs: 0,
      error: { code: 'BODY_TOO_LARGE', message: 'larger than the 4 MiB cap', partial: { status: 200, headers: { 'content-type': 'application/json' }, bodyHead: '{"data":[', receivedBytes: 4_300_000 } },
    };
    const a = partialAttachment(exchange);
    expect(a?.name).toBe('refused answer #7 (200, truncated)');
    expect(JSON.parse(a?.content ?? '{}')).toMatchObject({ status: 200, note: 'truncated: the first 9 bytes of 4.1 MiB received (larger than the 4 MiB cap)', bodyHead: '{"data":[' });
    expect(partialAttachment({ ...exchange, error: { code: 'UND_ERR_HEADERS_TIMEOUT', message: 'no response headers within 300 ms' } })).toBeUndefined();
  });
});
