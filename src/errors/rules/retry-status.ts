import { statusClass } from '../status.ts';
import type { DocumentedCode, Finding, FindingLevel } from '../types.ts';
import type { RuleContext } from './rule.ts';

// 4xx statuses that say "not now" rather than "not this request": 408 Request Timeout, 409 Conflict
// (a concurrent request with the same idempotency key), 425 Too Early (RFC 8470), 429 Too Many Requests.
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

const TOO_EAGER = 'a 4xx other than 408, 409, 425 or 429 fails again on retry; use retry: never';
const TOO_SHY = "a 5xx is usually transient; retry 'safe' (same idempotency key) unless the partner says otherwise";

const isFinal4xx = (status: number) => statusClass(status) === 4 && !RETRYABLE_4XX.has(status);

/**
 * Retry classes must agree with the statuses the contract documents: a code documented with a final
 * 4xx must not be retried (error); a code documented only with 5xx that is never retried is suspicious
 * (warning). The same holds for `byStatus` rules, where '4xx' counts as a final 4xx.
 */
export function retryStatusDisagreement({ spec, vocabulary, documented }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const [code, entry] of Object.entries(spec.map)) {
    const retry = entry.retry ?? vocabulary.get(entry.canonical)?.retry;
    if (retry === undefined) continue; // unknown-canonical reports it
    const statuses = statusesOf(code, documented);
    const source = entry.retry === undefined ? ` (the retry class of ${entry.canonical})` : '';
    const path = ['map', code, entry.retry === undefined ? 'canonical' : 'retry'];
    const final4xx = statuses.filter(isFinal4xx);
    if (final4xx.length > 0 && retry !== 'never') {
      findings.push(finding('error', path, `'${code}' is documented with ${final4xx.join(', ')} but retried '${retry}'${source}: ${TOO_EAGER}`, code));
    } else if (statuses.length > 0 && statuses.every((s) => statusClass(s) === 5) && retry === 'never') {
      findings.push(finding('warning', path, `'${code}' is documented only with ${statuses.join(', ')} but never retried${source}: ${TOO_SHY}`, code));
    }
  }
  for (const [key, canonical] of Object.entries(spec.byStatus ?? {})) {
    const retry = vocabulary.get(canonical)?.retry;
    if (retry === undefined) continue;
    const final4xx = statusClass(key) === 4 && (!/^\d{3}$/.test(key) || isFinal4xx(Number(key)));
    const what = `status '${key}' maps to ${canonical}, retried '${retry}'`;
    if (final4xx && retry !== 'never') findings.push(finding('error', ['byStatus', key], `${what}: ${TOO_EAGER}`));
    else if (statusClass(key) === 5 && retry === 'never') findings.push(finding('warning', ['byStatus', key], `${what}: ${TOO_SHY}`));
  }
  return findings;
}

/** The statuses the contract documents `code` with, ascending. */
function statusesOf(code: string, documented: readonly DocumentedCode[]): number[] {
  const statuses = documented.flatMap((d) => (d.code === code && d.status !== undefined ? [d.status] : []));
  return [...new Set(statuses)].sort((a, b) => a - b);
}

function finding(level: FindingLevel, path: Array<string | number>, message: string, code?: string): Finding {
  return { rule: 'retry-status-disagreement', level, ...(code !== undefined && { code }), path, message };
}
