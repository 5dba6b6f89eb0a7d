import { retryStatusDisagreement } from './retry-status.ts';
import { triggerUnknownCode } from './trigger-unknown-code.ts';
import { unknownCanonical } from './unknown-canonical.ts';
import { unmappedCode } from './unmapped-code.ts';
import type { ErrorMapRuleCheck } from './rule.ts';

/** The static rules of the errors section, in the order their findings are reported. */
export const errorMapRules: readonly ErrorMapRuleCheck[] = [
  unknownCanonical,
  unmappedCode,
  retryStatusDisagreement,
  triggerUnknownCode,
];
