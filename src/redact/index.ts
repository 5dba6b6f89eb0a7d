export { DEFAULT_RULES, REDACTED, maskAccount, redactBody, redactHeaders, redactText, withSecrets } from './redact.ts';
export type { RedactionRules } from './redact.ts';
export { formatExchange, redactExchange } from './redact-exchange.ts';
export { findPans, isCardCodeField, isPanValue, normalizeField } from './card-data.ts';
export { withProfile } from './profile-rules.ts';
export { rememberRules, runRules } from './run-rules.ts';
export { redactFailure } from './failure.ts';
export { redactAttachment } from './attachment.ts';
