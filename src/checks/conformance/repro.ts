import type { HttpRequest } from '../../http/index.ts';

/** A header that carries a credential or a signature: shown as an environment variable, never its value. */
const SECRET_HEADER = /authorization|signature|api[-_]?key|token|secret|digest|nonce|timestamp/i;

/** Single-quoted for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The check name as a regular expression that matches it alone (for `railgate run --grep`). */
export function exactPattern(name: string): string {
  return `${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

/** `$X_SIGNATURE` for `x-signature`. */
function envName(header: string): string {
  return `RAILGATE_${header.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * The request as a `curl` command (pure): method, URL, headers, body exactly as sent, except every header that
 * carries a credential or a signature (by name, or because `redact` changes its value), which reads an environment
 * variable of its own. The body goes through `redact` too: account numbers and PANs as the reports show them.
 * Returns the command and the variables it reads.
 */
export function curlLine(request: HttpRequest, redact: (text: string) => string): { command: string; variables: string[] } {
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
  if (request.body !== undefined && request.body !== '') parts.push(`--data-raw ${shellQuote(redact(request.body))}`);
  return { command: parts.join(' \\\n    '), variables };
}
