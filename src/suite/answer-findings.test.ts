import { describe, expect, it } from 'vitest';
import { CheckFailure, CheckSkipped } from '../checks/index.ts';
import type { Exchange } from '../http/index.ts';
import { answerFinding, withAnswerFindings } from './answer-findings.ts';

const request = { method: 'GET', url: 'https://sandbox.example/v2/payouts/po_1', headers: {} };
const at = (seq: number, rest: Partial<Exchange>): Exchange => ({ seq, request, startedAt: '', durationMs: 0, ...rest });
const oversize = at(3, { error: { code: 'BODY_TOO_LARGE', message: 'the answer’s body is larger than the 4 MiB cap', partial: { status: 200, headers: {}, bodyHead: '{', receivedBytes: 4_200_000 } } });
const badJson = at(4, { response: { status: 200, headers: {}, bodyText: '{"id":', body: '{"id":', bodyIssue: 'not valid JSON though its content-type is application/json: Unexpected end of JSON input' } });
const timeout = at(5, { error: { code: 'UND_ERR_HEADERS_TIMEOUT', message: 'no response headers within 300 ms' } });

describe('answerFinding', () => {
  it('names each refused or unreadable answer, a timeout none', () => {
    expect(answerFinding([timeout])).toBeUndefined();
    const f = answerFinding([oversize, timeout, badJson]);
    expect(f?.kind).toBe('partner-defect');
    expect(f?.message).toContain('#3 GET /v2/payouts/po_1: the answer’s body is larger than the 4 MiB cap');
    expect(f?.message).toContain('#4 GET /v2/payouts/po_1: the 200 answer is not valid JSON though its content-type is application/json');
  });
});

describe('withAnswerFindings', () => {
  it('fails a check that passed, was skipped or broke on such an answer; a partner finding of its own stands', async () => {
    const seen = () => [oversize];
    await expect(withAnswerFindings(seen, async () => undefined)).rejects.toMatchObject({ kind: 'partner-defect', message: expect.stringContaining('4 MiB cap') });
    await expect(withAnswerFindings(seen, async () => Promise.reject(new CheckSkipped('no answer observed')))).rejects.toBeInstanceOf(CheckFailure);
    await expect(withAnswerFindings(seen, async () => Promise.reject(new TypeError('x')))).rejects.toBeInstanceOf(CheckFailure);
    const own = new CheckFailure('listPayouts 200: body / must be object', { kind: 'contract-drift' });
    await expect(withAnswerFindings(() => [badJson], async () => Promise.reject(own))).rejects.toBe(own);
    expect(own.kind).toBe('contract-drift');
    expect(own.message).toMatch(/must be object\nanswers railgate cannot take as they are:\n#4 GET \/v2\/payouts\/po_1: the 200 answer is not valid JSON/);
    await expect(withAnswerFindings(() => [timeout], async () => 'evidence')).resolves.toBe('evidence');
  });
});
