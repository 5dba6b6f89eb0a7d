import { describe, expect, it } from 'vitest';
import { judgeReadiness } from './judge.ts';
import type { JudgeInput } from './judge.ts';
import { readinessMarkdown } from './markdown.ts';
import type { CheckOutcome } from './model.ts';

// Issue 17: GO only for what was exercised — every family that applies, every operation the integration uses.

const o = (family: CheckOutcome['family'], name: string, status: CheckOutcome['status'], operations?: string[]): CheckOutcome => ({ partner: 'p', family, name, status, severity: 'normal', durationMs: 1, ...(operations ? { operations } : {}) });

const OPS = [
  { id: 'createPayout', method: 'post', path: '/payouts' },
  { id: 'getPayout', method: 'get', path: '/payouts/{id}' },
  { id: 'listPayouts', method: 'get', path: '/payouts' },
];

function input(outcomes: CheckOutcome[], over: Partial<JudgeInput> = {}, partner: Partial<JudgeInput['partner']> = {}): JudgeInput {
  return { partner: { id: 'p', name: 'P', rails: ['BR-PIX'], ...partner }, contract: { title: 'C', version: '1', hash: 'sha256:00' }, environment: 'simulator', seed: 1, partial: false, outcomes, now: new Date(0), operations: { all: OPS }, ...over };
}

const everyOp = [o('contract', 'a', 'passed', ['createPayout', 'getPayout']), o('auth', 'b', 'passed', ['listPayouts'])];

describe('families required by default', () => {
  it('requires every family that ran when the profile names none: one all skipped is NO-GO, not exercised', () => {
    const r = judgeReadiness(input([...everyOp, o('idempotency', 'c', 'skipped'), o('idempotency', 'd', 'skipped')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(['idempotency: required for GO, but not exercised: every check was skipped (2)']);
  });

  it('lets the profile exclude a family with its reason, shown in the report', () => {
    const why = 'the integration never retries a payout: a person does';
    const r = judgeReadiness(input([...everyOp, o('idempotency', 'c', 'skipped')], {}, { excluded: { idempotency: why } }));
    expect(r.verdict).toBe('GO');
    expect(r.excluded).toEqual({ idempotency: why });
    expect(readinessMarkdown(r)).toContain(`| idempotency | excluded: ${why} |`);
  });

  it('still counts a failure in an excluded family: the partner answered wrong', () => {
    const r = judgeReadiness(input([...everyOp, o('idempotency', 'c', 'failed')], {}, { excluded: { idempotency: 'not used by the integration' } }));
    expect(r.verdict).toBe('NO-GO');
  });

  it('is NO-GO when every check of the partner was skipped', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'skipped'), o('auth', 'b', 'skipped')]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons.join('\n')).toMatch(/contract: required for GO, but not exercised[\s\S]*auth: required for GO, but not exercised/);
  });
});

describe('operation coverage', () => {
  it('is GO when every operation was called, listing the checks per operation', () => {
    const r = judgeReadiness(input(everyOp));
    expect(r.verdict).toBe('GO');
    expect(r.operations?.coverage).toBe(1);
    expect(r.operations?.rows.find((x) => x.operation === 'createPayout')?.checks).toEqual([{ name: 'a', family: 'contract', status: 'passed' }]);
  });

  it('is NO-GO naming the operations never called, with the share', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'passed', ['createPayout'])]));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(['operations: 1 of 3 operations the integration uses were exercised (33.3%, 100% required); never called: getPayout, listPayouts']);
    expect(readinessMarkdown(r)).toMatch(/`GET \/payouts` listPayouts \| yes \| \*\*never called\*\*/);
  });

  it('counts a call whatever the check made of it: a failed check still exercised the operation', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'failed', ['createPayout', 'getPayout', 'listPayouts'])]));
    expect(r.reasons).toEqual(['contract: 1 check failed (a)']);
  });

  it('asks only for the operations the integration uses, less those excluded with a reason, down to the minimum', () => {
    const only = input([o('contract', 'a', 'passed', ['createPayout'])], { operations: { all: OPS, used: ['createPayout', 'getPayout'], excluded: { getPayout: 'read through the list in this integration' } } });
    const r = judgeReadiness(only);
    expect(r.verdict).toBe('GO');
    expect(r.operations?.rows.map((x) => [x.operation, x.required, x.excluded])).toEqual([
      ['createPayout', true, undefined],
      ['getPayout', false, 'read through the list in this integration'],
      ['listPayouts', false, undefined],
    ]);
    const half = judgeReadiness(input([o('contract', 'a', 'passed', ['createPayout'])], { operations: { all: OPS, min: 0.3 } }));
    expect(half.verdict).toBe('GO');
  });

  it('is NO-GO when no check talked to the partner at all, even with nothing documented to exercise', () => {
    const r = judgeReadiness(input([o('contract', 'lint', 'passed')], { operations: { all: [] } }));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(["nothing exercised: no check called any of the partner's operations (the contract documents no operation and no webhook)"]);
  });

  it("counts a receiver's contract by its webhooks: each delivered to railgate's receiver by a check, whatever its outcome", () => {
    const hooks = { all: [{ id: 'transfer.created', method: 'post', path: '(webhook)', received: true }, { id: 'transfer.updated', method: 'post', path: '(webhook)', received: true }] };
    const delivered = (name: string, status: CheckOutcome['status'], webhook: string): CheckOutcome => ({ ...o('contract', name, status), evidence: { webhooks: [webhook] } });
    const go = judgeReadiness(input([o('contract', 'lint', 'passed'), delivered('a', 'passed', 'transfer.created'), delivered('b', 'passed', 'transfer.updated'), o('contract', 'stale', 'skipped')], { operations: hooks }));
    expect(go.verdict).toBe('GO');
    expect(go.operations?.rows.map((r) => [r.operation, r.received, r.checks.map((c) => c.name)])).toEqual([
      ['transfer.created', true, ['a']],
      ['transfer.updated', true, ['b']],
    ]);
    const half = judgeReadiness(input([o('contract', 'lint', 'passed'), delivered('a', 'failed', 'transfer.created')], { operations: hooks }));
    expect(half.reasons).toEqual(['contract: 1 check failed (a)', 'operations: 1 of 2 webhooks the integration uses were exercised (50%, 100% required); never delivered: transfer.updated']);
    expect(readinessMarkdown(half)).toContain('| `POST (webhook)` transfer.updated | yes | **never delivered** |');
    const none = judgeReadiness(input([o('contract', 'lint', 'passed'), o('contract', 'accepts', 'skipped')], { operations: hooks }));
    expect(none.reasons).toContain("nothing exercised: no check called any of the partner's operations or delivered any of its webhooks to railgate's receiver");
  });

  it('is NO-GO on a partial run whose selected checks meant to call the partner were all skipped, static passes or not', () => {
    const r = judgeReadiness(input([o('contract', 'lint', 'passed'), o('contract', 'createPayout conforms', 'skipped')], { partial: true }));
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(["nothing exercised: no check called any of the partner's operations"]);
    const scenarios = judgeReadiness(input([o('scenarios', 'smoke', 'skipped')], { partial: true }));
    expect(scenarios.reasons).toEqual(['scenarios: selected, but not exercised: every check was skipped (1)', "nothing exercised: no check called any of the partner's operations"]);
  });

  it('lets a partial run of static checks alone pass without a call', () => {
    expect(judgeReadiness(input([o('contract', 'lint', 'passed')], { partial: true })).verdict).toBe('GO');
  });

  it('does not judge coverage on a partial run, but still reports it', () => {
    const r = judgeReadiness(input([o('contract', 'a', 'passed', ['createPayout'])], { partial: true }));
    expect(r.verdict).toBe('GO');
    expect(r.operations?.coverage).toBeCloseTo(1 / 3);
  });
});
