export { DEFAULT_RULES, REDACTED, maskAccount, redactBody, redactHeaders, redactText, withSecrets } from './redact.ts';
export type { RedactionRules } from './redact.ts';
export { formatExchange, redactExchange } from './redact-exchange.ts';
