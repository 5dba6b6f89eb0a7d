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

/**
 * The same finding in many exchanges, told once: `createPayout 201: body /amount must be integer — 12 answers
 * (exchange #3 POST /v2/payouts, #5, #9, … and 8 more)`. A schema drift in every answer was 51 identical lines.
 * Findings keep the order they were first seen.
 */
export function groupedByFinding(found: ReadonlyArray<{ exchange: Exchange; finding: string }>, maxPlaces = 4): string[] {
  const groups = new Map<string, Exchange[]>();
  for (const { exchange, finding } of found) (groups.get(finding) ?? groups.set(finding, []).get(finding)!).push(exchange);
  return [...groups].map(([finding, exchanges]) => {
    if (exchanges.length === 1) return `${exchangePlace(exchanges[0]!)}: ${finding}`;
    const [first, ...rest] = exchanges;
    const shown = [exchangePlace(first!), ...rest.slice(0, maxPlaces - 1).map((e) => `#${e.seq}`)];
    const more = exchanges.length > maxPlaces ? ` and ${exchanges.length - maxPlaces} more` : '';
    return `${finding} — ${exchanges.length} answers (${shown.join(', ')}${more})`;
  });
}
