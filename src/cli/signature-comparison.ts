/**
 * The received signature beside the one railgate computes, as `webhook verify` and `sign --signature` print them:
 * aligned, so the eye finds the first differing character; or why railgate cannot compute one.
 */
export function signatureComparison(received: string | undefined, expected: { value?: string; note?: string }): string[] {
  const lines = [`received  ${received ?? '(none)'}`];
  if (expected.value !== undefined) lines.push(`expected  ${expected.value}`);
  if (expected.value !== undefined && received !== undefined && received !== expected.value) lines.push(`          ${' '.repeat(firstDifference(received, expected.value))}^ first difference`);
  if (expected.value === undefined) lines.push(`expected  (not computed: ${expected.note ?? 'no key to compute it with'})`);
  else if (expected.note !== undefined) lines.push(`          ${expected.note}`);
  return lines;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
