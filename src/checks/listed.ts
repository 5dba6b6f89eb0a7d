/** Places a check found, one per line, at most `max` of them: a partner repeating a fault must not flood the report. */
export function listed(found: readonly string[], max: number): string {
  const lines = found.slice(0, max).map((f) => `  - ${f}`);
  if (found.length > max) lines.push(`  - and ${found.length - max} more`);
  return lines.join('\n');
}
