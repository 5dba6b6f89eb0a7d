import { secretShape } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * `…Env` keys whose value is not the name of an environment variable (pure). The usual reason is the secret
 * itself pasted where its variable's name belongs, so the message says so and names a variable to use,
 * where the schema alone would say `must match pattern "^[A-Z_][A-Z0-9_]*$"`. The value is never repeated.
 */
export function envNameProblems(doc: LocatedDocument): InputProblem[] {
  const problems: InputProblem[] = [];
  const id = isObject(doc.data) && typeof doc.data.id === 'string' ? doc.data.id : 'PARTNER';
  const visit = (node: unknown, path: string[]): void => {
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key.endsWith('Env') && typeof value === 'string' && !ENV_NAME.test(value)) {
        problems.push(doc.problem([...path, key], envNameMessage(value, suggestedName(id, path[path.length - 1], key))));
      } else {
        visit(value, [...path, key]);
      }
    }
  };
  visit(doc.data, []);
  return problems;
}

/**
 * A credential by its form, or a long unbroken token, is a secret pasted in; words joined by `_` are a name
 * in the wrong case; anything else is said by the rule.
 */
function envNameMessage(value: string, example: string): string {
  const secret = secretShape(value) ?? (value.length >= 16 && !/[\s_]/.test(value) ? 'a secret' : undefined);
  if (secret) return `looks like ${secret}, not the name of an environment variable: put the secret in one (e.g. ${example}) and name it here; a committed profile must not hold a secret`;
  if (/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/.test(value)) return `must name an environment variable in capitals: ${value.toUpperCase()}`;
  return `must name an environment variable (capital letters, digits and _, e.g. ${example})`;
}

/** ACME_API_KEY for auth.apiKey.valueEnv, ACME_HMAC_SECRET for auth.hmac.secretEnv, ACME_WEBHOOK_SECRET for webhooks.secretEnv. */
function suggestedName(id: string, parent: string | undefined, key: string): string {
  const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  const owner = parent === undefined || parent === 'auth' ? '' : parent === 'webhooks' ? 'WEBHOOK' : snake(parent);
  const what = key === 'valueEnv' ? '' : snake(key.slice(0, -'Env'.length));
  return [snake(id), owner, what].filter(Boolean).join('_');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
