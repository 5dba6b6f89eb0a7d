import type { Exchange } from '../http/index.ts';
import { parseBody } from '../http/index.ts';
import { redactBody, redactHeaders, redactText } from './redact.ts';
import type { RedactionRules } from './redact.ts';

/** A copy of an exchange safe to attach or print: headers, bodies, URL query and error text redacted. */
export function redactExchange(e: Exchange, rules: RedactionRules): Exchange {
  const reqBody = e.request.body === undefined ? undefined : parseBody(e.request.headers['content-type'], e.request.body);
  const out: Exchange = {
    ...e,
    request: {
      ...e.request,
      url: redactText(e.request.url, rules),
      headers: redactHeaders(e.request.headers, rules),
      body: reqBody === undefined ? undefined : typeof reqBody === 'string' ? redactText(reqBody, rules) : JSON.stringify(redactBody(reqBody, rules)),
    },
  };
  if (e.response) {
    const body = redactBody(e.response.body, rules);
    out.response = { ...e.response, headers: redactHeaders(e.response.headers, rules), body, bodyText: typeof body === 'string' ? body : JSON.stringify(body) };
  }
  if (e.error) {
    const partial = e.error.partial;
    out.error = { ...e.error, message: redactText(e.error.message, rules), ...(partial && { partial: { ...partial, headers: redactHeaders(partial.headers, rules), bodyHead: redactText(partial.bodyHead, rules) } }) };
  }
  return out;
}

/** The exchange as a person reads it: request line, headers, body; then the answer. */
export function formatExchange(e: Exchange): string {
  const lines = [`#${e.seq} ${e.request.method} ${e.request.url}`];
  for (const [k, v] of Object.entries(e.request.headers)) lines.push(`  > ${k}: ${v}`);
  if (e.request.body) lines.push(`  > ${e.request.body}`);
  if (e.response) {
    lines.push(`  < ${e.response.status} (${e.durationMs} ms)`);
    for (const [k, v] of Object.entries(e.response.headers)) lines.push(`  < ${k}: ${v}`);
    if (e.response.bodyText) lines.push(`  < ${e.response.bodyText}`);
  } else if (e.error) {
    lines.push(`  ! ${e.error.code}: ${e.error.message} (${e.durationMs} ms)`);
  }
  return lines.join('\n');
}
