import type { HttpRequest } from '../../http/index.ts';

/** A header that carries a credential or a signature: shown as an environment variable, never its value. */
const SECRET_HEADER = /authorization|signature|api[-_]?key|token|secret|digest|nonce|timestamp/i;

/** Single-quoted for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A run of one character at least this long is written as a command that makes it, not spelt out. */
const LONG_RUN = 256;

/**
 * Text for a POSIX shell word, single-quoted, with every long run of one character (an oversized body's 1 MiB member)
 * made by `head -c N /dev/zero | tr` instead: the same bytes, in a line a reviewer can read and paste.
 */
export function shellText(text: string): string {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(`([\\x21-\\x7e])\\1{${LONG_RUN - 1},}`, 'g'))) {
    if (m.index > last) out.push(shellQuote(text.slice(last, m.index)));
    const char = m[1]!;
    const tr = char === '\\' ? '\\\\' : char;
    out.push(`"$(head -c ${m[0].length} /dev/zero | tr '\\0' ${shellQuote(tr)})"`);
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push(shellQuote(text.slice(last)));
  return out.join('');
}

/**
 * A check's full name (`<partner> conformance <name>`, what `railgate run --grep` tests) as a regular expression that
 * matches it alone: anchored at both ends, as a name may end another (`/payouts: …` ends `/v2/payouts: …`).
 */
export function exactPattern(partnerId: string, name: string): string {
  return `^${`${partnerId} conformance ${name}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

/** `$X_SIGNATURE` for `x-signature`. */
function envName(header: string): string {
  return `RAILGATE_${header.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * The request as a `curl` command (pure): method, URL, headers, body exactly as sent, except every header that
 * carries a credential or a signature (by name, or because `redact` changes its value), which reads an environment
 * variable of its own. The body goes through `redact` too: account numbers and PANs as the reports show them.
 * Returns the command, the variables it reads, and whether the body it shows is masked (not the bytes sent).
 */
export function curlLine(request: HttpRequest, redact: (text: string) => string): { command: string; variables: string[]; masked: boolean } {
  const variables: string[] = [];
  const parts = [`curl -sS -i -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'content-length' || name === 'host') continue;
    if (SECRET_HEADER.test(name) || redact(value) !== value) {
      const variable = envName(name);
      variables.push(variable);
      parts.push(`-H "${name}: $${variable}"`);
    } else {
      parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  const body = request.body === undefined || request.body === '' ? undefined : redact(request.body);
  if (body !== undefined) parts.push(`--data-raw ${shellText(body)}`);
  return { command: parts.join(' \\\n    '), variables, masked: body !== undefined && body !== request.body };
}
