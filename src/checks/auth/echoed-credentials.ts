import type { Exchange } from '../../http/index.ts';
import { secretForms } from '../../redact/secret-forms.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import { exchangePlace, listed } from '../listed.ts';
import type { Check } from '../model.ts';

// A partner quoting the key in every 401 must not flood the report.
const SHOWN = 10;

/**
 * A partner must never send a credential back: an error message that quotes the API key or the bearer token
 * it refused ("invalid API key '<key>'") puts the secret into every log, ticket and report that keeps the
 * answer. Each answer the run saw is searched for the credentials its own request presented (the headers the
 * signer fills: an API key, a bearer token, Basic's id:secret), in every form they can travel (plain, base64,
 * hex, URL-encoded, JSON-escaped) — a token endpoint's answer carrying the token it issues is not an echo. The
 * failure names the exchange and the form, never the value. Runs after the family's forgeries: their refusals
 * are where a partner quotes what it refused.
 */
export function echoedCredentialsCheck(): Check {
  return {
    name: 'no answer quotes a credential back',
    family: 'auth',
    severity: 'critical',
    tags: ['auth', 'secrets'],
    destructive: false,
    runsLast: true,
    async run(ctx) {
      const headers = ctx.auth.signer.secretHeaders.map((h) => h.toLowerCase());
      if (headers.length === 0) throw new CheckSkipped('railgate presents no credential in a header to this partner');
      const answers = ctx.ledger.entries().filter((e) => e.response);
      if (answers.length === 0) throw new CheckSkipped('no answer from the partner was observed');
      const found = answers.flatMap((e) => echoes(e, presented(e, headers)));
      if (found.length === 0) return;
      throw new CheckFailure(`${ctx.partner.id} sends credentials back in its answers, ${found.length} time${found.length > 1 ? 's' : ''} (the value is not shown):\n${listed(found, SHOWN)}`);
    },
  };
}

/** The secret values a request carried in its credential headers; Basic's pair and its secret half too. */
function presented(e: Exchange, headers: readonly string[]): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(e.request.headers)) {
    if (!headers.includes(name.toLowerCase())) continue;
    const [scheme, rest] = value.split(/\s+/, 2) as [string, string | undefined];
    const credential = rest !== undefined && /^(bearer|basic|token)$/i.test(scheme) ? rest : value;
    values.push(credential);
    if (/^basic$/i.test(scheme) && rest) {
      const pair = Buffer.from(rest, 'base64').toString('utf8');
      values.push(pair, pair.slice(pair.indexOf(':') + 1));
    }
  }
  return values.filter((v) => v.length >= 8);
}
function echoes(e: Exchange, secrets: readonly string[]): string[] {
  const res = e.response!;
  if (secrets.length === 0) return [];
  const where = `${exchangePlace(e)} (${res.status})`;
  const places = [{ part: 'body', text: res.bodyText }, ...Object.entries(res.headers).map(([name, value]) => ({ part: `header ${name}`, text: value }))];
  const out: string[] = [];
  for (const { part, text } of places) {
    const form = formIn(text, secrets);
    if (form) out.push(`${where}: its ${part} quotes a credential (${form})`);
  }
  return out;
}

/** How a secret appears in a text: 'as is' or 'encoded'; undefined when it does not. */
function formIn(text: string, secrets: readonly string[]): string | undefined {
  for (const secret of secrets) {
    if (text.includes(secret)) return 'as is';
    if (secretForms(secret).some((f) => f !== secret && f.length >= 8 && text.includes(f))) return 'encoded';
  }
  return undefined;
}
