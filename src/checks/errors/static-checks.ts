import { loadVocabulary } from '../../errors/index.ts';
import type { ErrorMapRule } from '../../errors/index.ts';
import type { Partner } from '../../partner/index.ts';
import { formatInputProblem } from '../../source/index.ts';
import { CheckFailure } from '../model.ts';
import type { Check } from '../model.ts';
import { lintErrorMap } from './lint-error-map.ts';

/** One check per static rule of the errors section, in the order lint reports them. */
export const ERROR_MAP_CHECKS: ReadonlyArray<{ rule: ErrorMapRule; title: string }> = [
  { rule: 'unmapped-code', title: 'every code the contract documents is mapped' },
  { rule: 'unknown-canonical', title: 'every map target is a canonical code' },
  { rule: 'retry-status-disagreement', title: 'retry classes agree with HTTP statuses' },
  { rule: 'trigger-unknown-code', title: 'every trigger provokes a mapped code' },
];

/** The static checks: errors fail (the profile is the harness's configuration), warnings are attached. */
export function staticChecks(partner: Partner): Check[] {
  return ERROR_MAP_CHECKS.map(({ rule, title }) => ({
    name: title,
    family: 'errors',
    severity: 'critical',
    tags: ['static'],
    destructive: false,
    independent: true,
    async run(ctx) {
      const findings = lintErrorMap(partner, await loadVocabulary()).filter((f) => f.rule === rule);
      const warnings = findings.filter((f) => f.level === 'warning');
      if (warnings.length > 0) await ctx.report.attach('warnings', warnings.map((f) => formatInputProblem(f.problem)).join('\n'), 'text/plain');
      const errors = findings.filter((f) => f.level === 'error');
      if (errors.length > 0) {
        const lines = errors.map((f) => `  - ${formatInputProblem(f.problem)}`);
        throw new CheckFailure(`${errors.length} finding${errors.length > 1 ? 's' : ''}:\n${lines.join('\n')}`, { kind: 'configuration' });
      }
    },
  }));
}
