import type { CheckOutcome, Readiness } from './model.ts';
import { clip } from './text.ts';

/** A message attribute is what a CI page shows in its list of failures: the text on one line, in full in the element. */
const MESSAGE_CHARS = 300;

/**
 * JUnit XML for CI, written from the verdicts (so `railgate report` and `report --merge` rebuild it exactly):
 * one <testsuite> per partner, each check a <testcase> with `classname` `<partner>.<family>` (how CI pages group
 * tests), `<failure>` for the partner's fault, `<error>` for a check railgate could not judge, `<skipped
 * message>` with the reason. The message is the check's own words: no serialised error object, no stack.
 * Each partner also gets a `<partner>.readiness` test for its verdict, failed on NO-GO (and errored when
 * INCONCLUSIVE) with the reasons: a NO-GO on coverage or latency fails no check, and the pipeline must see it.
 */
export function readinessJunit(readiness: readonly Readiness[]): string {
  const suites = readiness.map(suiteXml);
  const all = readiness.flatMap((r) => [...r.checks.map((c) => c.status), verdictStatus(r)]);
  const time = readiness.reduce((t, r) => t + r.checks.reduce((s, c) => s + c.durationMs, 0), 0);
  const totals = `tests="${all.length}" failures="${all.filter((s) => s === 'failed').length}" errors="${all.filter((s) => s === 'broken').length}" skipped="${all.filter((s) => s === 'skipped').length}" time="${seconds(time)}"`;
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="railgate" ${totals}>\n${suites.join('')}</testsuites>\n`;
}

function suiteXml(r: Readiness): string {
  const n = (s: CheckOutcome['status']): number => r.checks.filter((c) => c.status === s).length + (verdictStatus(r) === s ? 1 : 0);
  const time = r.checks.reduce((s, c) => s + c.durationMs, 0);
  const head = `  <testsuite name="${attr(r.partner)}" timestamp="${attr(r.generatedAt)}" tests="${r.checks.length + 1}" failures="${n('failed')}" errors="${n('broken')}" skipped="${n('skipped')}" time="${seconds(time)}">\n`;
  const properties = [
    ['verdict', r.verdict],
    ['rails', r.rails.join(', ')],
    ['environment', r.environment],
    ['seed', String(r.seed)],
    ['contract', `${r.contract.title} ${r.contract.version} ${r.contract.hash}`],
    ...(r.partial ? [['partial', 'true']] : []),
  ];
  const props = `    <properties>\n${properties.map(([k, v]) => `      <property name="${k}" value="${attr(v ?? '')}"/>\n`).join('')}    </properties>\n`;
  return head + props + r.checks.map((c) => caseXml(`${r.partner}.${c.family}`, c.name, c.durationMs, c.status, c.reason, c.failureKind)).join('') + verdictCase(r) + '  </testsuite>\n';
}

function verdictCase(r: Readiness): string {
  return caseXml(`${r.partner}.readiness`, `readiness verdict: ${r.verdict}`, 0, verdictStatus(r), r.reasons.join(';\n') || undefined, r.verdict);
}

function verdictStatus(r: Readiness): CheckOutcome['status'] {
  return r.verdict === 'GO' ? 'passed' : r.verdict === 'NO-GO' ? 'failed' : 'broken';
}

function caseXml(classname: string, name: string, ms: number, status: CheckOutcome['status'], reason: string | undefined, type: string | undefined): string {
  const open = `    <testcase classname="${attr(classname)}" name="${attr(name)}" time="${seconds(ms)}"`;
  const text = reason ?? (status === 'skipped' ? 'skipped' : 'no reason given');
  const message = `message="${attr(clip(text, MESSAGE_CHARS))}"`;
  if (status === 'passed') return `${open}/>\n`;
  if (status === 'skipped') return `${open}>\n      <skipped ${message}/>\n    </testcase>\n`;
  const element = status === 'failed' ? 'failure' : 'error';
  return `${open}>\n      <${element} ${message} type="${attr(type ?? status)}">${body(text)}</${element}>\n    </testcase>\n`;
}

function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

// XML 1.0 allows no control character but tab, newline and carriage return, even escaped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function body(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return body(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
