import type { Finding } from '../types.ts';
import type { RuleContext } from './rule.ts';

/** Every code the contract documents must have an entry in `map`. */
export function unmappedCode({ spec, documented }: RuleContext): Finding[] {
  const places = new Map<string, string[]>();
  for (const { code, where } of documented) {
    if (Object.hasOwn(spec.map, code)) continue;
    places.set(code, [...(places.get(code) ?? []), where]);
  }
  return [...places].map(([code, wheres]) => ({
    rule: 'unmapped-code',
    level: 'error',
    code,
    path: ['map'],
    message: `partner code '${code}' is documented by the contract (${summarise(wheres)}) but has no entry in errors.map`,
  }));
}

const SHOWN = 3;

function summarise(wheres: readonly string[]): string {
  const unique = [...new Set(wheres)];
  const more = unique.length - SHOWN;
  return unique.slice(0, SHOWN).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
