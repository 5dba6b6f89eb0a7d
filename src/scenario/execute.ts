import type { Operation } from '../contract/index.ts';
import type { Exchange } from '../http/index.ts';
import { findMismatch, getPointer, mergeOver } from '../json/index.ts';
import { CheckFailure } from '../checks/model.ts';
import type { CheckContext } from '../checks/model.ts';
import { UnknownVariable, interpolate } from './interpolate.ts';
import type { Variables } from './interpolate.ts';
import type { Expectation, Scenario, SourceLocation } from './model.ts';

/** Runs a scenario's steps in order; the first unmet expectation fails it, naming the step's line. */
export async function executeScenario(ctx: CheckContext, scenario: Scenario): Promise<void> {
  let seq = 0;
  const vars: Variables = { values: new Map(), rng: ctx.rng.fork(`scenario:${scenario.name}`), env: process.env, now: () => new Date(), nextSeq: () => ++seq };
  for (const [i, step] of scenario.steps.entries()) {
    const op = ctx.partner.contract.operations.get(step.call) as Operation;
    const fill = <T>(v: T): T => {
      try {
        return interpolate(v, vars) as T;
      } catch (e) {
        if (e instanceof UnknownVariable) throw new CheckFailure(e.message, { kind: 'configuration', loc: step.loc });
        throw e;
      }
    };
    const exampleBody = step.exampleBody === false ? undefined : requestExample(op);
    const body = step.body === undefined ? exampleBody : exampleBody === undefined ? fill(step.body) : mergeOver(exampleBody, fill(step.body));
    const exchange = await ctx.call(
      op.id,
      { params: fill(step.params), query: fill(step.query), headers: fill(step.headers), body },
      `step ${i + 1}: ${op.id}${step.as ? ` as ${step.as}` : ''}`,
    );
    if (exchange.error) {
      throw new CheckFailure(`step ${i + 1} (${op.id}): no answer: ${exchange.error.code} ${exchange.error.message}`, { loc: step.loc });
    }
    const res = exchange.response!;
    const view = { status: res.status, headers: res.headers, body: res.body };
    if (step.as) vars.values.set(step.as, view);
    if (step.expect) judgeExpectation(fill(step.expect), exchange, `step ${i + 1} (${op.id})`, step.loc);
    for (const [name, where] of Object.entries(step.capture ?? {})) {
      const value = where.startsWith('header:') ? res.headers[where.slice(7).toLowerCase()] : getPointer(res.body, where);
      if (value === undefined) throw new CheckFailure(`step ${i + 1} (${op.id}): capture '${name}': nothing at ${where} in the answer`, { loc: step.loc });
      vars.values.set(name, value);
    }
  }
}

function requestExample(op: Operation): unknown {
  const media = op.requestBody?.content.find((m) => /json/.test(m.contentType)) ?? op.requestBody?.content[0];
  const ex = media ? Object.values(media.examples)[0] : undefined;
  return ex === undefined ? undefined : structuredClone(ex);
}

/** Judges one answer against a step's `expect`; throws the first difference with the step's location. */
export function judgeExpectation(expect: Expectation, exchange: Exchange, what: string, loc: SourceLocation): void {
  const res = exchange.response!;
  const fail = (m: string): never => {
    throw new CheckFailure(`${what}: ${m}`, { loc });
  };
  if (expect.status !== undefined) {
    const allowed = Array.isArray(expect.status) ? expect.status : [expect.status];
    if (!allowed.includes(res.status)) fail(`expected status ${allowed.join(' or ')}, got ${res.status}${describeError(res.body)}`);
  }
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const got = res.headers[name.toLowerCase()];
    if (got === undefined) fail(`expected header '${name}', it is missing`);
    if (value !== '*' && got !== value) fail(`expected header '${name}: ${value}', got '${got}'`);
  }
  if (expect.body !== undefined) {
    const m = findMismatch(res.body, expect.body);
    if (m) fail(`body ${m.at}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
  for (const [pointer, value] of Object.entries(expect.pointers ?? {})) {
    const m = findMismatch(getPointer(res.body, pointer), value, pointer);
    if (m) fail(`body ${m.at}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
}

function describeError(body: unknown): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return ` (${text.length > 200 ? text.slice(0, 200) + '…' : text})`;
}
