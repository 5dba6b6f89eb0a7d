/**
 * Redaction for everything railgate shows: attachments, console output, readiness evidence.
 * Credentials go entirely; account data (PANs, account numbers, PIX keys, tax ids) keeps its last four.
 */
export interface RedactionRules {
  /** Header names (lower case) whose values are credentials. */
  secretHeaders: ReadonlySet<string>;
  /** Body keys (lower case) whose values are credentials. */
  secretKeys: ReadonlySet<string>;
  /** Body keys (lower case) whose values are account data. */
  accountKeys: ReadonlySet<string>;
  /** Literal secret values (from the environment): replaced wherever they appear. */
  secretValues: readonly string[];
}

export const DEFAULT_RULES: RedactionRules = {
  secretHeaders: new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token']),
  secretKeys: new Set(['password', 'secret', 'client_secret', 'clientsecret', 'access_token', 'accesstoken', 'refresh_token', 'refreshtoken', 'token', 'api_key', 'apikey', 'cvv', 'cvc', 'cvv2', 'cvc2', 'pin']),
  accountKeys: new Set(['pan', 'cardnumber', 'card_number', 'number', 'accountnumber', 'account_number', 'iban', 'bban', 'pixkey', 'pix_key', 'taxid', 'tax_id', 'cpf', 'cnpj', 'uen', 'mobile', 'proxyvalue', 'proxy_value', 'routingnumber', 'routing_number', 'sortcode', 'sort_code']),
  secretValues: [],
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

export function redactBody(body: unknown, rules: RedactionRules): unknown {
  if (typeof body === 'string') return redactText(body, rules);
  if (Array.isArray(body)) return body.map((v) => redactBody(v, rules));
  if (body !== null && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      const key = k.toLowerCase();
      if (rules.secretKeys.has(key) && v !== null && typeof v !== 'object') out[k] = REDACTED;
      else if (rules.accountKeys.has(key) && (typeof v === 'string' || typeof v === 'number')) out[k] = maskAccount(String(v));
      else out[k] = redactBody(v, rules);
    }
    return out;
  }
  return body;
}

/** Free text (a raw body that is not JSON, an error message): literal secrets and card numbers go. */
export function redactText(text: string, rules: RedactionRules): string {
  let out = text;
  for (const s of rules.secretValues) out = out.split(s).join(REDACTED);
  // 13–19 digit runs that pass Luhn are card numbers wherever they appear.
  return out.replace(/\b\d{13,19}\b/g, (d) => (luhn(d) ? maskAccount(d) : d));
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
