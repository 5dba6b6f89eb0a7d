import type { InputProblem } from './input-error.ts';
import type { LocatedDocument } from './located-yaml.ts';

/**
 * Credentials written out in a file that is committed with the project: a profile or a scenario. They belong in
 * environment variables (a profile names them in `…Env` keys, a scenario reads `${env.NAME}`). Recognised by
 * form only — forms that do not occur by chance in ids, references or test data — so a finding is worth
 * stopping for. The value is never repeated in the message.
 */

interface SecretForm {
  what: string;
  regex: RegExp;
  /** Marked live by its issuer: wrong even among the simulator's fixed test credentials. */
  live?: boolean;
}

const FORMS: readonly SecretForm[] = [
  { what: 'a PEM private key', regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { what: 'a JSON Web Token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { what: 'a live API key', regex: /\b(?:sk|rk|whsec)_live_[A-Za-z0-9]{8,}/, live: true },
  { what: 'a test API key', regex: /\b(?:sk|rk|whsec)_test_[A-Za-z0-9_]{8,}/ },
  { what: 'an AWS access key id', regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, live: true },
  { what: 'a GitHub token', regex: /\bgh[pousr]_[A-Za-z0-9]{36}\b/, live: true },
  { what: 'a Slack token', regex: /\bxox[abprs]-[A-Za-z0-9-]{10,}/, live: true },
  { what: 'a credential in an Authorization value', regex: /^(?:Bearer|Basic)\s+[A-Za-z0-9._~+/-]{16,}=*$/ },
];

/** What a string looks like, when it looks like a credential; `liveOnly` asks only for forms marked live. */
export function secretShape(value: string, liveOnly = false): string | undefined {
  return FORMS.find((f) => (!liveOnly || f.live) && f.regex.test(value))?.what;
}

/**
 * Every string of a parsed file that looks like a credential, located at its key (pure). Under
 * `environments.<env>.testCredentials` fixed test values are expected (a PEM key the simulator signs with):
 * only forms marked live are refused there.
 */
export function literalSecrets(doc: LocatedDocument): InputProblem[] {
  const problems: InputProblem[] = [];
  const visit = (value: unknown, path: Array<string | number>, testValues: boolean): void => {
    if (typeof value === 'string') {
      const what = secretShape(value, testValues);
      if (what) problems.push(doc.problem(path, `looks like ${what}: a committed file must not hold a secret; keep it in an environment variable (a profile names it in a …Env key, a scenario reads \${env.NAME})`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      visit(v, [...path, key], testValues || (path.length === 2 && path[0] === 'environments' && k === 'testCredentials'));
    }
  };
  visit(doc.data, [], false);
  return problems;
}
