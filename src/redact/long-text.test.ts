import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, REDACTED, redactText, withSecrets } from './redact.ts';

// Issue 12: the first 64 KiB of an oversize answer, one run of characters without a space, took 15 s to
// redact: the search for a secret cut short by an ellipsis was tried from every position of the run.
describe('redactText on a long run without spaces', () => {
  const rules = withSecrets(DEFAULT_RULES, { values: ['sk_live_0123456789abcdef'] });

  it('finishes, and still cuts a secret shortened by an ellipsis', () => {
    const head = `{"padding":"${'a'.repeat(1024 * 1024)}`;
    expect(redactText(head, rules)).toBe(head);
    expect(redactText(`the key sk_live_0123456789ab… was refused`, rules)).toBe(`the key ${REDACTED}… was refused`);
  });
});
