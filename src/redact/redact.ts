import { findPans, isCardCodeField, isPan, maskPan, maskPans, normalizeField } from './card-data.ts';
import { secretForms } from './secret-forms.ts';
import { redactTextFields } from './text-fields.ts';
import { VALUE_PATTERNS } from './value-patterns.ts';

/**
 * Redaction for everything railgate shows: attachments, console output, failure messages, readiness evidence.
 * By value: every secret the run holds goes, in any encoding. By field: credentials and card security codes
 * go entirely; account data (PANs, account numbers, PIX keys, tax ids) keeps its last four. By pattern: card
 * numbers, emails, phone numbers, tax ids and IBANs in free text keep their last four too.
 */
export interface RedactionRules {
  /** Header names (lower case) whose values are credentials. */
  secretHeaders: ReadonlySet<string>;
  /** Body field names (normalised: normalizeField) whose scalar values are credentials. */
  secretKeys: ReadonlySet<string>;
  /** Body field names (normalised) whose values are account data. */
  accountKeys: ReadonlySet<string>;
  /** Field names (normalised) whose values are removed whatever they hold: the profile's `redact.fields`. */
  removedKeys: ReadonlySet<string>;
  /** Literal secret values (credentials, live tokens): replaced wherever they appear, in any encoding. */
  secretValues: readonly string[];
  /** Value patterns whose matches keep their last four: the profile's `redact.patterns`. */
  patterns: readonly RegExp[];
}

const names = (...list: string[]): ReadonlySet<string> => new Set(list.map(normalizeField));

export const DEFAULT_RULES: RedactionRules = {
  secretHeaders: new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token']),
  secretKeys: names('password', 'secret', 'client_secret', 'access_token', 'refresh_token', 'token', 'api_key', 'pin'),
  accountKeys: names('pan', 'card_number', 'number', 'account_number', 'iban', 'bban', 'pix_key', 'tax_id', 'cpf', 'cnpj', 'uen', 'mobile', 'phone', 'email', 'proxy_value', 'routing_number', 'sort_code'),
  removedKeys: new Set(),
  secretValues: [],
  patterns: [],
};

export const REDACTED = '[redacted]';

export function withSecrets(rules: RedactionRules, extra: { headers?: string[]; values?: Array<string | undefined> }): RedactionRules {
  return {
    ...rules,
    secretHeaders: new Set([...rules.secretHeaders, ...(extra.headers ?? []).map((h) => h.toLowerCase())]),
    secretValues: [...rules.secretValues, ...(extra.values ?? []).filter((v): v is string => typeof v === 'string' && v.length >= 4)],
  };
}

export function maskAccount(value: string): string {
  if (value.length <= 4) return '****';
  return '*'.repeat(Math.min(value.length - 4, 12)) + value.slice(-4);
}

export function redactHeaders(headers: Record<string, string>, rules: RedactionRules): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = rules.secretHeaders.has(k.toLowerCase()) ? REDACTED : redactText(v, rules);
  return out;
}

type FieldKind = 'removed' | 'secret' | 'account';

/** What a field's name says of its value; a header name used as a body field (an attachment's `headers`) counts. */
function fieldKind(name: string, rules: RedactionRules): FieldKind | undefined {
  const key = normalizeField(name);
  if (isCardCodeField(name) || rules.removedKeys.has(key)) return 'removed';
  if (rules.secretKeys.has(key) || rules.secretHeaders.has(name.toLowerCase())) return 'secret';
  return rules.accountKeys.has(key) ? 'account' : undefined;
}

export function redactBody(body: unknown, rules: RedactionRules): unknown {
  if (typeof body === 'string') return redactText(body, rules);
  if (typeof body === 'number') return Number.isSafeInteger(body) && isPan(String(body)) ? maskPan(String(body)) : body;
  if (Array.isArray(body)) return body.map((v) => redactBody(v, rules));
  if (body !== null && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      const kind = fieldKind(k, rules);
      // A card security code or a profile-named field goes whatever it holds, an object included.
      if (kind === 'removed' && v !== null && v !== undefined) out[k] = REDACTED;
      else if (kind === 'secret' && v !== null && typeof v !== 'object') out[k] = REDACTED;
      else if (kind === 'account' && (typeof v === 'string' || typeof v === 'number')) out[k] = maskAccount(String(v));
      else out[k] = redactBody(v, rules);
    }
    return out;
  }
  return body;
}

/**
 * Free text (a raw body that is not JSON, an error message, a step name): secret values first, so no later rule
 * leaves part of one; then named values, card numbers, and account data recognised by its value.
 */
export function redactText(text: string, rules: RedactionRules): string {
  let out = removeSecrets(text, rules.secretValues);
  out = redactTextFields(out, (name, value) => textField(name, value, rules));
  out = maskPans(out);
  for (const { regex, valid } of [...VALUE_PATTERNS, ...rules.patterns.map((regex) => ({ regex, valid: undefined }))]) {
    out = out.replace(regex, (m) => (valid && !valid(m) ? m : maskAccount(m)));
  }
  return out;
}

function textField(name: string, value: string, rules: RedactionRules): string | undefined {
  const kind = fieldKind(name, rules);
  if (kind === 'removed' || kind === 'secret') return value === '' ? undefined : REDACTED;
  // Masked already (by a rule before, or by the partner): masking again would change nothing worth the noise.
  if (kind === 'account' && !/\*{4}|^\[redacted\]$/.test(value)) return findPans(value).length > 0 ? maskPans(value) : maskAccount(value);
  return undefined;
}

const SECRET_MATCHERS = new Map<string, { forms: string[]; regex: RegExp }>();

/** One regex per set of secrets (rules are rebuilt per exchange; their values rarely change). */
function secretMatcher(values: readonly string[]): { forms: string[]; regex: RegExp } | undefined {
  if (values.length === 0) return undefined;
  const key = values.join('\u0000');
  let m = SECRET_MATCHERS.get(key);
  if (!m) {
    const forms = [...new Set(values.flatMap(secretForms))].sort((a, b) => b.length - a.length);
    m = { forms, regex: new RegExp(forms.map(escapeRegex).join('|'), 'g') };
    if (SECRET_MATCHERS.size > 64) SECRET_MATCHERS.clear();
    SECRET_MATCHERS.set(key, m);
  }
  return m;
}

function removeSecrets(text: string, values: readonly string[]): string {
  const matcher = secretMatcher(values);
  if (!matcher) return text;
  return cutTruncatedSecrets(text.replace(matcher.regex, REDACTED), matcher.forms);
}

// Shorter heads could be anyone's text; longer ones are a secret's start even if its end was cut.
const MIN_HEAD = 8;

/**
 * A text shortened for display (`…`, `...`) may end inside a secret: the head left before the ellipsis is
 * still most of the secret, so it goes too.
 */
function cutTruncatedSecrets(text: string, forms: readonly string[]): string {
  // A match starts only where a run of such characters starts: tried from inside a run too, the search was
  // quadratic, and a 64 KiB body without a space took 15 s to redact (issue 12).
  return text.replace(/(?<![^\s'"])([^\s'"]{8,})(…|\.\.\.)/g, (whole, before: string, dots: string) => {
    for (const form of forms) {
      for (let n = Math.min(form.length - 1, before.length); n >= MIN_HEAD; n--) {
        if (before.endsWith(form.slice(0, n))) return `${before.slice(0, before.length - n)}${REDACTED}${dots}`;
      }
    }
    return whole;
  });
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
