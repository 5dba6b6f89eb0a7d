import type { Contract } from '../contract/index.ts';
import type { AuthSpec } from '../profile/index.ts';
import { note, todo } from './model.ts';
import type { Note, Section } from './model.ts';

type Obj = Record<string, unknown>;

export interface InferredAuth extends Section<AuthSpec> {
  /** Environment variables the auth reads, with the simulator's fixed test values. */
  credentials: Record<string, string>;
}

/** The security requirement most operations declare first (its schemes apply together). */
function usualRequirement(contract: Contract): string[] {
  const counts = new Map<string, number>();
  for (const op of contract.operations.values()) {
    const first = op.security[0];
    if (first) counts.set(Object.keys(first).join('\u0000'), (counts.get(Object.keys(first).join('\u0000')) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[0] !== '' ? best[0].split('\u0000') : [];
}

/** `PAYPAL_PAYMENTS` from `paypal-payments`: the prefix of every environment variable the profile names. */
export function envPrefix(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'PARTNER';
}

/** A fixed, recognisable test value the embedded simulator checks with; it opens nothing anywhere else. */
export function testValue(env: string): string {
  return `test_railgate_simulator_${env.toLowerCase()}`;
}

/**
 * The profile's `auth` from the contract's `securitySchemes`: API key (header or query, its name), Basic, bearer,
 * OAuth2 client credentials through the contract's token operation. A scheme it cannot follow is a TODO.
 */
export function inferAuth(contract: Contract, id: string): InferredAuth {
  const prefix = envPrefix(id);
  const names = usualRequirement(contract);
  const notes: Note[] = [];
  if (names.length === 0) {
    return { notes: [todo(['environments'], 'the contract declares no security: railgate sends no credentials. Add auth if the partner wants them.')], credentials: {} };
  }
  const unused: string[] = [];
  let auth: AuthSpec | undefined;
  let chosen = '';
  for (const name of names) {
    const scheme = contract.securitySchemes[name] ?? {};
    const made = auth ? undefined : fromScheme(contract, scheme, prefix);
    if (made) {
      auth = made.auth;
      chosen = name;
      notes.push(...made.notes);
    } else unused.push(name);
  }
  if (!auth) {
    return { notes: [todo(['environments'], `the contract's security (${names.join(' + ')}) is none railgate can infer: write auth by hand (docs/decisions/auth-schemes.md)`)], credentials: {} };
  }
  notes.unshift(note(['auth'], `from the contract's security scheme '${chosen}'`));
  for (const name of unused) {
    const scheme = contract.securitySchemes[name] ?? {};
    const described = typeof scheme.description === 'string' && /hmac|signature|sign/i.test(scheme.description) ? ' (its description speaks of a signature: auth.hmac or auth.rfc9421?)' : '';
    notes.push(todo(['auth'], `the contract also requires '${name}' (${String(scheme.type)}${typeof scheme.name === 'string' ? ` ${scheme.name}` : ''})${described}: railgate does not send it yet`));
  }
  const credentials = Object.fromEntries(envNames(auth).map((env) => [env, testValue(env)]));
  return { value: auth, notes, credentials };
}

function fromScheme(contract: Contract, scheme: Obj, prefix: string): { auth: AuthSpec; notes: Note[] } | undefined {
  if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query') && typeof scheme.name === 'string') {
    return { auth: { apiKey: { in: scheme.in, name: scheme.name, valueEnv: `${prefix}_API_KEY` } }, notes: [] };
  }
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic') return { auth: { basic: { usernameEnv: `${prefix}_USERNAME`, passwordEnv: `${prefix}_PASSWORD` } }, notes: [] };
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') return { auth: { bearer: { tokenEnv: `${prefix}_TOKEN` } }, notes: [] };
  if (scheme.type === 'oauth2') {
    const flows = (scheme.flows ?? {}) as Obj;
    const cc = flows.clientCredentials as Obj | undefined;
    const tokenUrl = typeof cc?.tokenUrl === 'string' ? cc.tokenUrl : undefined;
    const tokenPath = tokenUrl ? new URL(tokenUrl, 'http://x').pathname : undefined;
    const op = tokenPath ? [...contract.operations.values()].find((o) => o.method === 'post' && tokenPath.endsWith(o.path)) : undefined;
    if (cc && op) {
      return { auth: { oauth2: { tokenOperation: op.id, clientIdEnv: `${prefix}_CLIENT_ID`, clientSecretEnv: `${prefix}_CLIENT_SECRET` } }, notes: [note(['auth', 'oauth2'], `OAuth2 client credentials through the contract's token operation ${op.id}`)] };
    }
    // The token endpoint is outside the contract: the simulator cannot serve it, so a token is given instead.
    const why = cc ? `OAuth2 client credentials at ${tokenUrl ?? 'a token URL'}, which is no operation of the contract` : 'OAuth2 without the client-credentials flow';
    return { auth: { bearer: { tokenEnv: `${prefix}_TOKEN` } }, notes: [todo(['auth', 'bearer'], `${why}: railgate sends a bearer token from ${prefix}_TOKEN. For a sandbox, auth.oauth2 with tokenUrl (absolute), clientIdEnv and clientSecretEnv fetches one.`)] };
  }
  return undefined;
}

function envNames(auth: AuthSpec): string[] {
  return [auth.apiKey?.valueEnv, auth.basic?.usernameEnv, auth.basic?.passwordEnv, auth.bearer?.tokenEnv, auth.oauth2?.clientIdEnv, auth.oauth2?.clientSecretEnv].filter((e): e is string => e !== undefined);
}
