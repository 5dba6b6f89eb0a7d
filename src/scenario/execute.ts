import { requestExample } from '../contract/index.ts';
import type { Operation } from '../contract/index.ts';
import type { Fault } from '../faults/index.ts';
import type { Exchange, RequestParts } from '../http/index.ts';
import { findMismatch, findMismatches, getPointer, mergeOver } from '../json/index.ts';
import { parseDuration } from '../profile/index.ts';
import { loadVocabulary } from '../errors/index.ts';
import { CheckFailure } from '../checks/model.ts';
import { currentCheckScope } from '../checks/scope.ts';
import type { CheckContext } from '../checks/model.ts';
import { canonicalMiss } from './expect-canonical.ts';
import type { CanonicalMapping } from './expect-canonical.ts';
import { UnknownVariable, interpolate } from './interpolate.ts';
import { awaitWebhook, webhookValues } from './await-webhook.ts';
import type { Variables } from './interpolate.ts';
import { expectKey } from './model.ts';
import type { Expectation, FaultStep, Scenario, SourceLocation } from './model.ts';
import { patient } from '../checks/patience.ts';

type LocatedStep = Scenario['steps'][number];

interface RunState {
  ctx: CheckContext;
  vars: Variables;
  /** What each named step sent, so `replay` can send it again. */
  sent: Map<string, { operationId: string; parts: RequestParts }>;
  /** For `expect.canonical`: loaded only when a step of the scenario asks for it. */
  mapping?: CanonicalMapping;
}

/** Runs a scenario's steps in order; the first unmet expectation fails it, naming the step's line. */
export async function executeScenario(ctx: CheckContext, scenario: Scenario): Promise<void> {
  const state: RunState = {
    ctx,
    vars: { values: webhookValues(ctx), rng: ctx.rng.fork(`scenario:${scenario.name}`), env: process.env, now: () => new Date(ctx.clock.now()), nextSeq: sequence(ctx, scenario) },
    sent: new Map(),
  };
  if (scenario.steps.some((s) => s.expect?.canonical !== undefined)) state.mapping = { spec: ctx.partner.profile.errors, vocabulary: await loadVocabulary() };
  for (const [i, step] of scenario.steps.entries()) {
    const what = `step ${i + 1} (${describeStep(step)})`;
    switch (step.action) {
      case 'call':
      case 'replay':
        await callStep(state, step, what);
        break;
      case 'poll':
        await pollStep(state, step, what);
        break;
      case 'sleep':
        await ctx.report.step(`${what}`, () => ctx.clock.sleep(parseDuration(step.sleep!)));
        break;
      case 'fault':
        await ctx.report.step(`${what}`, async () => ctx.faults.schedule(faultRule(fill(state, step.fault!, step.loc))));
        break;
      case 'await-webhook':
        await judgedStep(state, step, await ctx.report.step(`${what}`, () => awaitWebhook(ctx, step['await-webhook']!, fill(state, step.match ?? {}, step.loc), step, what)), what);
        break;
    }
  }
}

/**
 * ${seq}: the scenario's own count (1, 2, …) after a base of 1000 per place among the partner's scenarios (500 more
 * in a second attempt). References
 * made from it do not collide within a run, and a scenario's are the same whatever ran before or beside it (checks of
 * a sandbox run may run side by side) or alone (`--grep`). A scenario not among them (the profile's setup) takes the
 * next block after theirs, in the order such scenarios run.
 */
function sequence(ctx: CheckContext, scenario: Scenario): () => number {
  const { scenarios } = ctx.partner;
  const at = scenarios.indexOf(scenario);
  let place = at + 1;
  if (at < 0) {
    place = scenarios.length + 1 + (otherScenarios.get(ctx) ?? 0);
    otherScenarios.set(ctx, place - scenarios.length);
  }
  // A check run once more alone (src/suite/run-planned.ts) sends references of its own, not the first attempt's.
  const base = place * SEQ_BLOCK + ((currentCheckScope()?.attempt ?? 1) - 1) * (SEQ_BLOCK / 2);
  let n = 0;
  return () => base + ++n;
}
const SEQ_BLOCK = 1000;
/** Per session: how many scenarios not among the partner's have taken a block. */
const otherScenarios = new WeakMap<CheckContext, number>();

function describeStep(step: LocatedStep): string {
  if (step.action === 'call') return `${step.call}${step.as ? ` as ${step.as}` : ''}`;
  if (step.action === 'replay') return `replay ${step.replay}`;
  if (step.action === 'poll') return `poll ${step.poll}`;
  if (step.action === 'sleep') return `sleep ${String(step.sleep)}`;
  if (step.action === 'await-webhook') return `await webhook ${step['await-webhook']}${step.as ? ` as ${step.as}` : ''}`;
  return `fault ${step.fault!.kind}${step.fault!.operation ? ` on ${step.fault!.operation}` : ''}${(step.fault!.times ?? 1) > 1 ? ` ×${step.fault!.times}` : ''}`;
}

function fill<T>(state: RunState, value: T, loc: SourceLocation): T {
  try {
    return interpolate(value, state.vars) as T;
  } catch (e) {
    if (e instanceof UnknownVariable) throw new CheckFailure(e.message, { kind: 'configuration', loc });
    throw e;
  }
}

/** The request parts of a call or replay step: replay starts from what the named step sent. */
function partsOf(state: RunState, step: LocatedStep): { operationId: string; parts: RequestParts } {
  if (step.action === 'replay') {
    const earlier = state.sent.get(step.replay!)!;
    const headers = step.headers ? { ...earlier.parts.headers, ...fill(state, step.headers, step.loc) } : earlier.parts.headers;
    const body = step.body === undefined ? earlier.parts.body : mergeOver(earlier.parts.body, fill(state, step.body, step.loc));
    return { operationId: earlier.operationId, parts: { ...earlier.parts, headers, body } };
  }
  const op = state.ctx.partner.contract.operations.get((step.call ?? step.poll)!) as Operation;
  const exampleBody = step.exampleBody === false ? undefined : requestExample(op);
  const given = step.body === undefined ? undefined : fill(state, step.body, step.loc);
  const body = given === undefined ? exampleBody : exampleBody === undefined ? given : mergeOver(exampleBody, given);
  return { operationId: op.id, parts: { params: fill(state, step.params, step.loc), query: fill(state, step.query, step.loc), headers: fill(state, step.headers, step.loc), body } };
}

async function callStep(state: RunState, step: LocatedStep, what: string): Promise<Exchange> {
  const { operationId, parts } = partsOf(state, step);
  const key = idempotencyKey(state.ctx, parts);
  // A step that expects no answer is judged on the profile's own timeouts; the others on what comes back.
  const exchange = await state.ctx.call(operationId, parts, `${what}${key ? ` · key ${key}` : ''}`, step.expect?.noAnswer ? undefined : patient(state.ctx));
  if (step.as) state.sent.set(step.as, { operationId, parts });
  await judgedStep(state, step, exchange, what);
  return exchange;
}

/**
 * The expectation judged as a step of its own, after the call's: in the report the step that failed is the
 * one that expected, drawn red, with each key's expected and actual value side by side (a CSV table).
 */
async function judgedStep(state: RunState, step: LocatedStep, exchange: Exchange, what: string): Promise<void> {
  if (!step.expect && !step.capture) return judgeStep(state, step, exchange, what);
  await state.ctx.report.step(`${what}: expect ${expectationSummary(step)}`, async () => {
    try {
      judgeStep(state, step, exchange, what);
    } catch (e) {
      if (e instanceof ExpectationFailure) await state.ctx.report.attach('expected and actual', e.csv(), 'text/csv');
      throw e;
    }
  });
}

/** What a step expects, in a few words for its report step: `status 201, body, /status`. */
function expectationSummary(step: LocatedStep): string {
  const e = step.expect ?? {};
  const parts = [
    e.status !== undefined ? `status ${Array.isArray(e.status) ? e.status.join(' or ') : e.status}` : '',
    e.canonical !== undefined ? `canonical ${e.canonical}` : '',
    e.noAnswer ? 'no answer' : '',
    ...Object.keys(e.headers ?? {}).map((h) => `header ${h}`),
    e.body !== undefined ? 'body' : '',
    ...Object.keys(e.pointers ?? {}),
    ...Object.keys(e.count ?? {}).map((p) => `count ${p}`),
    ...Object.keys(step.capture ?? {}).map((c) => `capture ${c}`),
  ].filter(Boolean);
  return parts.join(', ') || 'the answer';
}

/** Calls until `until` holds, waiting `every` between calls, failing after `within` (all on the run's clock). */
async function pollStep(state: RunState, step: LocatedStep, what: string): Promise<void> {
  const { ctx } = state;
  const every = parseDuration(step.every ?? '1s');
  const within = parseDuration(step.within ?? '30s');
  const until = fill(state, step.until!, step.loc);
  const started = ctx.clock.now();
  let attempt = 0;
  let last: Exchange | undefined;
  for (;;) {
    attempt++;
    const { operationId, parts } = partsOf(state, step);
    last = await ctx.call(operationId, parts, `${what} · attempt ${attempt}`, patient(ctx));
    if (last.response && untilHolds(last.response.body, until)) break;
    if (ctx.clock.now() - started + every > within) {
      const seen = Object.keys(until).map((p) => `${p} = ${JSON.stringify(getPointer(last?.response?.body, p))}`).join(', ');
      throw new CheckFailure(`${what}: ${JSON.stringify(until)} did not hold within ${String(step.within ?? '30s')} (${attempt} calls; last: ${last.error ? last.error.code : seen})`, { loc: step.loc });
    }
    await ctx.clock.sleep(every);
  }
  await judgedStep(state, step, last, what);
}

function untilHolds(body: unknown, until: Record<string, unknown>): boolean {
  return Object.entries(until).every(([pointer, want]) => {
    const got = getPointer(body, pointer);
    return Array.isArray(want) ? want.some((w) => findMismatch(got, w) === undefined) : findMismatch(got, want) === undefined;
  });
}

function judgeStep(state: RunState, step: LocatedStep, exchange: Exchange, what: string): void {
  if (step.expect?.noAnswer) {
    if (exchange.response) throw new CheckFailure(`${what}: expected no answer, got ${exchange.response.status}${describeBody(exchange.response.body)}`, { loc: step.loc });
    return;
  }
  if (exchange.error) {
    throw new CheckFailure(`${what}: no answer: ${exchange.error.code} ${exchange.error.message}`, { loc: step.loc });
  }
  const res = exchange.response!;
  // A named step is its answer, and what the scenario sent (`${declined.request.body.reference}`: a value drawn once).
  const sent = step.as ? state.sent.get(step.as)?.parts : undefined;
  if (step.as) state.vars.values.set(step.as, { status: res.status, headers: res.headers, body: res.body, ...(sent && { request: { params: sent.params, query: sent.query, body: sent.body } }) });
  if (step.expect) judgeExpectation(fill(state, step.expect, step.loc), exchange, what, step.loc, state.mapping, step.expectAt);
  for (const [name, where] of Object.entries(step.capture ?? {})) {
    const value = where.startsWith('header:') ? res.headers[where.slice(7).toLowerCase()] : getPointer(res.body, where);
    if (value === undefined) throw new CheckFailure(`${what}: capture '${name}': nothing at ${where} in the answer`, { loc: step.loc });
    state.vars.values.set(name, value);
  }
}

function idempotencyKey(ctx: CheckContext, parts: RequestParts): string | undefined {
  const header = ctx.partner.profile.idempotency?.header.toLowerCase();
  if (!header) return undefined;
  return Object.entries(parts.headers ?? {}).find(([k]) => k.toLowerCase() === header)?.[1];
}

function faultRule(f: FaultStep): { match?: { operationId: string }; times: number; fault: Fault } {
  const match = f.operation ? { operationId: f.operation } : undefined;
  const times = f.times ?? 1;
  switch (f.kind) {
    case 'latency':
      return { match, times, fault: { kind: 'latency', ms: parseDuration(f.ms ?? '1s'), when: f.when === 'before-respond' ? 'before-respond' : 'before-forward' } };
    case 'status':
      return { match, times, fault: { kind: 'status', status: f.status ?? 503, retryAfter: f.retryAfter } };
    case 'reset':
      return { match, times, fault: { kind: 'reset', when: f.when === 'after-forward' ? 'after-forward' : 'before-forward' } };
    case 'stall-body':
      return { match, times, fault: { kind: 'stall-body', afterBytes: f.afterBytes } };
    default:
      return { match, times, fault: { kind: f.kind } };
  }
}

/**
 * Judges one answer against a step's `expect`, every key of it: throws every difference at once, each at the
 * file:line:col of the expectation key that failed (`expectAt`, from the loader), the first leading.
 * `mapping` (the profile's errors section and the vocabulary) is needed when the step expects a canonical code.
 */
export function judgeExpectation(expect: Expectation, exchange: Exchange, what: string, loc: SourceLocation, mapping?: CanonicalMapping, expectAt?: Readonly<Record<string, SourceLocation>>): void {
  const res = exchange.response!;
  const misses: Array<{ key: Array<string | number>; text: string; expected?: unknown; actual?: unknown }> = [];
  const miss = (key: Array<string | number>, text: string, expected?: unknown, actual?: unknown): void => void misses.push({ key, text, expected, actual });
  if (expect.status !== undefined) {
    const allowed = Array.isArray(expect.status) ? expect.status : [expect.status];
    if (!allowed.includes(res.status)) miss(['status'], `expected status ${allowed.join(' or ')}, got ${res.status}${describeBody(res.body)}`, allowed.join(' or '), res.status);
  }
  if (expect.canonical !== undefined) {
    const canonical = mapping ? canonicalMiss(expect.canonical, res, mapping) : { kind: 'configuration' as const, message: `expected canonical ${expect.canonical}, but no error mapping was given to judge it` };
    // A profile that cannot judge the code is railgate's trouble, told alone; the partner's miss joins the others.
    if (canonical?.kind === 'configuration') throw new CheckFailure(`${what}: ${canonical.message}`, { kind: canonical.kind, loc: placeOf(expectAt, ['canonical'], loc) });
    if (canonical) miss(['canonical'], canonical.message);
  }
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const got = res.headers[name.toLowerCase()];
    if (got === undefined) miss(['headers', name], `expected header '${name}', it is missing`, value, '(missing)');
    else if (value !== '*' && got !== value) miss(['headers', name], `expected header '${name}: ${value}', got '${got}'`, value, got);
  }
  if (expect.body !== undefined) {
    for (const m of findMismatches(res.body, expect.body)) miss(['body', ...pathOf(m.at)], `body ${m.at}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`, m.expected, m.actual);
  }
  for (const [pointer, value] of Object.entries(expect.pointers ?? {})) {
    for (const m of findMismatches(getPointer(res.body, pointer), value, pointer)) miss(['pointers', pointer, ...pathOf(m.at.slice(pointer.length))], `body ${m.at}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`, m.expected, m.actual);
  }
  for (const [pointer, n] of Object.entries(expect.count ?? {})) {
    const items = getPointer(res.body, pointer);
    if (!Array.isArray(items)) miss(['count', pointer], `body ${pointer}: expected a list of ${n}, got ${JSON.stringify(items)}`);
    else if (items.length !== n) miss(['count', pointer], `body ${pointer}: expected ${n} item${n === 1 ? '' : 's'}, got ${items.length}${describeIds(items)}`, n, items.length);
  }
  const [first, ...rest] = misses;
  if (!first) return;
  const also = rest.map((m) => `\n  also ${where(placeOf(expectAt, m.key, loc))}  ${m.text}`).join('');
  const comparison = misses.map((m) => ({ expectation: `${where(placeOf(expectAt, m.key, loc))} ${m.key.join('.')}`, expected: shown(m.expected), actual: shown(m.actual) }));
  throw new ExpectationFailure(`${what}: ${first.text}${also}`, placeOf(expectAt, first.key, loc), comparison);
}

/** A step's expectation the answer broke: the failure, and each key's expected and actual value side by side. */
export class ExpectationFailure extends CheckFailure {
  constructor(
    message: string,
    loc: SourceLocation,
    readonly comparison: ReadonlyArray<{ expectation: string; expected: string; actual: string }>,
  ) {
    super(message, { loc });
  }

  /** The comparison as CSV, which Allure draws as a table. */
  csv(): string {
    const cell = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    return ['expectation,expected,actual', ...this.comparison.map((r) => [r.expectation, r.expected, r.actual].map(cell).join(','))].join('\n') + '\n';
  }
}

function shown(v: unknown): string {
  return v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** The expectation key's place: the deepest key written on the way to it, else the step's. */
function placeOf(expectAt: Readonly<Record<string, SourceLocation>> | undefined, key: ReadonlyArray<string | number>, step: SourceLocation): SourceLocation {
  for (let n = key.length; n > 0 && expectAt; n--) {
    const at = expectAt[expectKey(key.slice(0, n))];
    if (at) return at;
  }
  return step;
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.col}`;
}

/** `/amount/value` → ['amount', 'value']: the segments findMismatches writes (unescaped, as written in the step). */
function pathOf(at: string): string[] {
  return at === '/' || at === '' ? [] : at.split('/').slice(1);
}

/** Duplicates are named by their ids, so a reviewer can find them in the partner's back office. */
function describeIds(items: unknown[]): string {
  const ids = items.map((i) => (i && typeof i === 'object' ? (i as Record<string, unknown>).id : undefined)).filter((id) => id !== undefined);
  return ids.length > 0 ? ` (${ids.map(String).join(', ')})` : '';
}

function describeBody(body: unknown): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return ` (${text.length > 200 ? text.slice(0, 200) + '…' : text})`;
}
