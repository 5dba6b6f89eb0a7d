import { errorCoverage, loadVocabulary } from '../../errors/index.ts';
import type { ErrorCoverage, ErrorsSpec } from '../../errors/index.ts';
import { isInventedCode } from '../../simulator/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check, CheckContext } from '../model.ts';
import { describeUnmapped, observeErrors } from './observe.ts';

// The checks that judge the whole run: they run last in the family (runsLast), and the family runs after
// every other but `contract`, so they see what auth, idempotency, retry, transactions and scenarios
// provoked. The contract family's own probes come later; it judges their bodies itself.

const SHOWN = 20;

/** The run's error answers; from the embedded simulator, without those whose code it made up (isInventedCode): railgate's words. */
async function seen(ctx: CheckContext, spec: ErrorsSpec) {
  const partners = ctx.ledger.entries().filter((e) => !(ctx.env === 'simulator' && e.response && isInventedCode(e.response.headers)));
  return observeErrors(partners, spec, await loadVocabulary());
}

export function runChecks(spec: ErrorsSpec): Check[] {
  return [
    {
      name: 'error-code coverage of the run',
      family: 'errors',
      severity: 'normal',
      tags: ['coverage'],
      destructive: false,
      runsLast: true,
      async run(ctx) {
        const observed = await seen(ctx, spec);
        const coverage = errorCoverage(spec.map, observed);
        await ctx.report.attach('error-code coverage', JSON.stringify(coverage, null, 2), 'application/json');
        const evidence = { errors: coverage };
        // A partial run provokes only what its selection calls for: an auth rejection is the auth family's to provoke.
        // There the share is judged over the codes this family's own triggers provoke; the whole matrix is still shown.
        const short = ctx.partial ? belowMinimum(errorCoverage(triggeredMap(spec), observed), spec.minCoverage, 'of the codes errors.triggers provoke (a partial run)') : belowMinimum(coverage, spec.minCoverage);
        if (short) throw new CheckFailure(short, { evidence });
        return evidence;
      },
    },
    {
      name: 'every partner code seen in the run is mapped',
      family: 'errors',
      severity: 'critical',
      tags: ['observed'],
      destructive: false,
      runsLast: true,
      async run(ctx) {
        const unmapped = describeUnmapped(await seen(ctx, spec));
        if (unmapped.length === 0) return;
        const n = unmapped.length;
        // The first ones name the codes and requests; a partner that floods the run must not flood the report.
        const shown = unmapped.slice(0, SHOWN).map((u) => `  - ${u}`);
        if (n > SHOWN) shown.push(`  - and ${n - SHOWN} more (the coverage attachment lists each code once)`);
        throw new CheckFailure(`${n} error answer${n > 1 ? 's' : ''} of the run ${n > 1 ? 'are' : 'is'} not mapped:\n${shown.join('\n')}`);
      },
    },
  ];
}

/** The map's codes a trigger of the profile provokes: what the errors family exercises by itself. */
function triggeredMap(spec: ErrorsSpec): ErrorsSpec['map'] {
  const triggered = new Set((spec.triggers ?? []).map((t) => t.code));
  return Object.fromEntries(Object.entries(spec.map).filter(([code]) => triggered.has(code)));
}

/** Why the run's coverage falls short of the profile's `errors.minCoverage`, naming what was not provoked; else undefined. */
export function belowMinimum(coverage: ErrorCoverage, minimum: number | undefined, of = ''): string | undefined {
  if (minimum === undefined || coverage.coverage >= minimum) return undefined;
  const missing = coverage.matrix.filter((r) => !r.exercised).map((r) => r.code);
  const pct = (x: number): string => `${Math.floor(x * 1000) / 10}%`;
  const named = missing.slice(0, SHOWN).join(', ') + (missing.length > SHOWN ? `, and ${missing.length - SHOWN} more` : '');
  return `error-code coverage ${pct(coverage.coverage)}${of ? ` ${of}` : ''} is below errors.minCoverage ${pct(minimum)}: no request of the run provoked ${named} as documented (a trigger in errors.triggers provokes one)`;
}
