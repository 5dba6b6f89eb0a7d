import type { Finding } from '../types.ts';
import { didYouMean } from './rule.ts';
import type { RuleContext } from './rule.ts';

/** Every trigger must provoke a partner code that `map` maps. */
export function triggerUnknownCode({ spec }: RuleContext): Finding[] {
  return (spec.triggers ?? []).flatMap((trigger, index): Finding[] =>
    Object.hasOwn(spec.map, trigger.code)
      ? []
      : [
          {
            rule: 'trigger-unknown-code',
            level: 'error',
            code: trigger.code,
            path: ['triggers', index, 'code'],
            message: `trigger ${index} (${trigger.operation}) provokes '${trigger.code}', which errors.map does not map${didYouMean(trigger.code, Object.keys(spec.map))}`,
          },
        ],
  );
}
