import { isDeepStrictEqual } from 'node:util';
import { redactBody, redactText } from './redact.ts';
import type { RedactionRules } from './redact.ts';

/**
 * An attachment as a report may keep it: JSON redacted by field and value (a webhook payload a check attaches
 * raw, say), anything else as text. JSON that needed nothing keeps its bytes and layout.
 */
export function redactAttachment(content: string, contentType: string, rules: RedactionRules): string {
  if (!/json/i.test(contentType)) return redactText(content, rules);
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return redactText(content, rules);
  }
  const safe = redactBody(parsed, rules);
  if (isDeepStrictEqual(safe, parsed)) return content;
  return JSON.stringify(safe, null, content.includes('\n') ? 2 : undefined);
}
