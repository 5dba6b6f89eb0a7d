import type { Exchange } from '../http/index.ts';

/** How a failure names an exchange of the ledger: `exchange #12 GET /v1/payments/pay_1`. */
export function exchangePlace(e: Exchange): string {
  return `exchange #${e.seq} ${e.request.method} ${new URL(e.request.url).pathname}`;
}

/** Places a check found, one per line, at most `max` of them: a partner repeating a fault must not flood the report. */
export function listed(found: readonly string[], max: number): string {
  const lines = found.slice(0, max).map((f) => `  - ${f}`);
  if (found.length > max) lines.push(`  - and ${found.length - max} more`);
  return lines.join('\n');
}
