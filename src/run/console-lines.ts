import type { CheckOutcome, Finding } from '../readiness/index.ts';

/** How the run's log looks: `live` redraws a progress line (a terminal); otherwise plain lines, for a CI log or a file. */
export interface ConsoleMode {
  live: boolean;
  color: boolean;
}

/** A terminal gets the live line; CI (`CI` set) and anything not a terminal get plain lines. Colour only live, and never with NO_COLOR. */
export function consoleMode(env: NodeJS.ProcessEnv, isTTY: boolean | undefined, reporter: ReporterChoice = 'auto'): ConsoleMode {
  const live = reporter === 'auto' ? isTTY === true && !env.CI : reporter === 'live';
  return { live, color: live && !env.NO_COLOR && env.FORCE_COLOR !== '0' };
}

/** `--reporter`: a live progress line, plain lines, or (auto) live on a terminal outside CI. */
export type ReporterChoice = 'auto' | 'live' | 'plain';
export const REPORTER_CHOICES: readonly ReporterChoice[] = ['auto', 'live', 'plain'];

export interface Progress {
  partners: number;
  done: number;
  total: number;
  failed: number;
  broken: number;
  elapsedMs: number;
}

/** `railgate · 3 partners · 134/497 checks · 2 failed · 1 broken · 1:42`: what a terminal shows while the run goes. */
export function progressLine(p: Progress): string {
  const parts = [`railgate · ${p.partners} partner${p.partners === 1 ? '' : 's'}`, `${p.done}/${p.total} checks`, `${p.failed} failed`];
  if (p.broken > 0) parts.push(`${p.broken} broken`);
  parts.push(clockTime(p.elapsedMs));
  return parts.join(' · ');
}

/** One family of one partner once its checks are done: `pixpay  contract  6 passed · 6 failed  (0.9 s)`, the counts that are not zero. */
export function familyLine(partner: string, family: string, outcomes: readonly CheckOutcome[], ms: number): string {
  const counts = (['passed', 'failed', 'broken', 'skipped'] as const).map((s) => [s, outcomes.filter((o) => o.status === s).length] as const);
  const text = counts.filter(([s, n]) => n > 0 || s === 'passed').map(([s, n]) => `${n} ${s}`).join(' · ');
  return `${partner.padEnd(12)} ${family.padEnd(13)} ${text}  (${seconds(ms)})`;
}

const HEAD = { failed: 'FAILED', broken: 'BROKEN', skipped: 'SKIPPED', passed: 'PASSED' } as const;

/**
 * A failure in full, as an engineer reads it: the check's place (partner › family › check), then its whole
 * reason indented. Checks of one family that failed for the very same reason are told once, with a count.
 */
export function findingLines(f: Finding, paint: (s: string, status: Finding['status']) => string = (s) => s): string[] {
  const first = f.checks[0];
  if (!first) return [];
  const head = paint(HEAD[f.status].padEnd(7), f.status);
  const title = f.checks.length === 1 ? `${head} ${first.partner} › ${first.family} › ${first.name}` : `${head} ${first.partner} › ${first.family} › ${f.checks.length} checks, the same reason:`;
  const names = f.checks.length === 1 ? [] : f.checks.map((c) => `        - ${c.name}`);
  const why = f.status === 'broken' ? ['        railgate could not judge this check (not the partner’s fault):'] : [];
  return [title, ...names, ...why, ...f.reason.split('\n').map((l) => `        ${l}`), ''];
}

function clockTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
