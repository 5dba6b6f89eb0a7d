import { ownValue } from './record.ts';

// HTTP status rules of `errors.byStatus`: exact statuses ('404') and classes ('4xx', '5XX', as OpenAPI
// writes them). An exact status wins over its class.

export const STATUS_KEY_PATTERN = '^[1-5](?:[0-9]{2}|[xX]{2})$';

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The value of the `byStatus` rule that applies to `status`, or undefined. */
export function statusRule(rules: Readonly<Record<string, string>>, status: number): string | undefined {
  const klass = String(status).charAt(0);
  return ownValue(rules, String(status)) ?? ownValue(rules, `${klass}xx`) ?? ownValue(rules, `${klass}XX`);
}

/** The class digit of a status or `byStatus` key: 503 → 5, '4xx' → 4. */
export function statusClass(statusOrKey: number | string): number {
  return Number(String(statusOrKey).charAt(0));
}
