import type { Finding } from '../types.ts';
import { didYouMean } from './rule.ts';
import type { RuleContext } from './rule.ts';

/** Every target of `map` and `byStatus` must be a code of the vocabulary. */
export function unknownCanonical({ spec, vocabulary }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const hint = (canonical: string) => didYouMean(canonical, vocabulary.codes.keys());
  for (const [code, entry] of Object.entries(spec.map)) {
    if (vocabulary.has(entry.canonical)) continue;
    findings.push({
      rule: 'unknown-canonical',
      level: 'error',
      code,
      path: ['map', code, 'canonical'],
      message: `'${code}' maps to '${entry.canonical}', which is not a canonical code${hint(entry.canonical)}`,
    });
  }
  for (const [status, canonical] of Object.entries(spec.byStatus ?? {})) {
    if (vocabulary.has(canonical)) continue;
    findings.push({
      rule: 'unknown-canonical',
      level: 'error',
      path: ['byStatus', status],
      message: `status '${status}' maps to '${canonical}', which is not a canonical code${hint(canonical)}`,
    });
  }
  return findings;
}
