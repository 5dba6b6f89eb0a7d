import { describe, expect, it } from 'vitest';
import { readinessCriteria } from './criteria.ts';
import { readinessHtml } from './html.ts';
import { judgeReadiness } from './judge.ts';
import { latencyReport, latencyScope } from './latency.ts';
import { readinessMarkdown } from './markdown.ts';
import type { CheckOutcome } from './model.ts';

const o = (name: string, latency: Record<string, number[]>, status: CheckOutcome['status'] = 'passed'): CheckOutcome => ({ partner: 'p', family: 'contract', name, status, severity: 'normal', durationMs: 1, operations: Object.keys(latency), latency });
// 1..100 ms over two checks: nearest-rank p50 = 50, p95 = 95, p99 = 99.
const createPayout = Array.from({ length: 100 }, (_, i) => i + 1);
const outcomes = [o('a', { createPayout: createPayout.slice(0, 60), getPayout: [5, 7] }), o('b', { createPayout: createPayout.slice(60) }, 'failed')];
const judge = (environment: string, spec: Parameters<typeof latencyScope>[0]) =>
  judgeReadiness({
    partner: { id: 'p', name: 'P', rails: ['BR-PIX'] },
    latency: latencyScope(spec, environment),
    contract: { title: 'C', version: '1', hash: 'h' },
    environment,
    seed: 1,
    partial: false,
    outcomes: outcomes.map((x) => ({ ...x, status: 'passed' })),
    now: new Date(0),
  });

describe('exchanges railgate could not time', () => {
  const untimed = (n: number): CheckOutcome => ({ ...o('late', {}), operations: ['createPayout'], untimed: { createPayout: n } });
  const judgeWith = (extra: CheckOutcome[], environment = 'sandbox') =>
    judgeReadiness({
      partner: { id: 'p', name: 'P', rails: ['BR-PIX'] },
      latency: latencyScope({ p95: '800ms' }, environment),
      contract: { title: 'C', version: '1', hash: 'h' },
      environment,
      seed: 1,
      partial: false,
      outcomes: [...outcomes, ...extra].map((x) => ({ ...x, status: 'passed' })),
      now: new Date(0),
    });

  it('are counted and said, and the verdict stands on the timed ones when they are most', () => {
    const r = judgeWith([untimed(40)]);
    expect(r.verdict).toBe('GO');
    expect(r.latency?.untimed).toEqual({ createPayout: 40 });
    expect(readinessMarkdown(r)).toContain("Left out, timed while railgate's own event loop was late (the machine was busy): createPayout 40.");
  });

  it('make the verdict INCONCLUSIVE when they are most of an operation the SLA covers: never GO on a guess, never NO-GO for railgate’s slowness', () => {
    const r = judgeWith([untimed(101)]);
    expect(r.verdict).toBe('INCONCLUSIVE');
    expect(r.reasons).toEqual(["inconclusive: latency not judged: railgate's own event loop was late while timing most exchanges of createPayout 101 of 201 (the machine is too busy to time the partner)"]);
  });

  it('change nothing against the simulator, whose time is virtual', () => {
    expect(judgeWith([untimed(500)], 'simulator').verdict).toBe('GO');
  });
});

describe('latencyReport', () => {
  it('pools every check’s exchanges per operation: nearest-rank percentiles, max, and a histogram of them all', () => {
    const l = latencyReport({ clock: 'real' }, outcomes)!;
    expect(l.rows.map(({ operation, count, p50, p95, p99, max }) => ({ operation, count, p50, p95, p99, max }))).toEqual([
      { operation: 'createPayout', count: 100, p50: 50, p95: 95, p99: 99, max: 100 },
      { operation: 'getPayout', count: 2, p50: 5, p95: 7, p99: 7, max: 7 },
    ]);
    expect(l.rows[0]!.histogram.reduce((a, b) => a + b)).toBe(100);
    expect(l.rows[0]!.histogram.slice(0, 4)).toEqual([10, 15, 25, 50]);
    expect(latencyReport({ clock: 'real' }, [o('c', {})])).toBeUndefined();
  });

  it('reads the profile’s SLA: durations in ms, per-operation limits over the general ones', () => {
    expect(latencyScope({ p95: '800ms', p99: '2s', operations: { createPayout: { p95: '1.5s' } } }, 'sandbox')).toEqual({ clock: 'real', sla: { p95: 800, p99: 2000 }, operations: { createPayout: { p95: 1500 } } });
    const l = latencyReport(latencyScope({ p95: 80, operations: { getPayout: { p99: '6ms' } } }, 'sandbox'), outcomes)!;
    expect(l.rows.map((r) => r.sla)).toEqual([{ p95: 80 }, { p95: 80, p99: 6 }]);
    expect(latencyScope(undefined, 'simulator')).toEqual({ clock: 'virtual' });
  });
});

describe('latency in the verdict', () => {
  it('is NO-GO against a sandbox when a percentile is over its SLA, with the figures', () => {
    const r = judge('sandbox', { p95: '90ms', operations: { getPayout: { p99: '6ms' } } });
    expect(r.verdict).toBe('NO-GO');
    expect(r.reasons).toEqual(["latency: over the profile's SLA: createPayout p95 95 ms > 90 ms (100 exchanges); getPayout p99 7 ms > 6 ms (2 exchanges)"]);
    expect(readinessCriteria(r).find((c) => c.label === 'latency within the SLA')).toMatchObject({ outcome: 'failed' });
    expect(readinessMarkdown(r)).toMatch(/\| createPayout \| 100 \| 50 ms \| 95 ms \| 99 ms \| 100 ms \| p95 ≤ 90 ms \| \*\*over: p95\*\* \|/);
    const page = readinessHtml([r], { railgateVersion: '0' });
    expect(page).toContain('Latency distribution per operation');
    expect(page).toContain('<tspan class="alarm">p95 95 ms</tspan>');
    // The samples are pooled into the verdict; the checks do not carry them into the JSON.
    expect(r.checks.every((c) => c.latency === undefined)).toBe(true);
  });

  it('is GO against a sandbox within the SLA', () => {
    const r = judge('sandbox', { p95: '1s' });
    expect(r.verdict).toBe('GO');
    expect(readinessCriteria(r).find((c) => c.label === 'latency within the SLA')).toMatchObject({ outcome: 'met' });
  });

  it('is shown, never judged, against the simulator: virtual time, said so', () => {
    const r = judge('simulator', { p95: '1ms' });
    expect(r.verdict).toBe('GO');
    expect(r.latency).toMatchObject({ clock: 'virtual', judged: false });
    expect(r.latency?.rows[0]?.breaches).toEqual([]);
    expect(readinessCriteria(r).find((c) => c.label === 'latency within the SLA')).toMatchObject({ outcome: 'info', detail: expect.stringMatching(/^virtual time against the embedded simulator: shown, not judged \(createPayout p50 50 ms · p95 95 ms · p99 99 ms \(n=100\)/) });
    expect(readinessMarkdown(r)).toMatch(/\*\*Latency\*\* — virtual time against the embedded simulator/);
  });
});
