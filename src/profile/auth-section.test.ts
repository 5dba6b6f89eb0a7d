import { describe, expect, it } from 'vitest';
import type { Contract } from '../contract/index.ts';
import { credentialProblems } from '../credentials/index.ts';
import { crossCheckAuth } from '../partner/cross-check-auth.ts';
import { formatInputProblem, parseLocatedYaml, validateInput } from '../source/index.ts';
import type { InputError } from '../source/index.ts';
import type { Profile } from './index.ts';

// The auth and webhooks sections: every mistake comes back as `file:line:col  path: message`.

const HEAD = `id: p
name: P
contract: c.yaml
rails: [BR-PIX]
environments:
  simulator:
    testCredentials: { P_SECRET: s3cret, P_KEY: 'not a key' }
`;

function problems(yaml: string): string[] {
  const doc = parseLocatedYaml('partners/p.yaml', HEAD + yaml);
  try {
    validateInput<Profile>(doc, 'profile.schema.json');
    return [];
  } catch (e) {
    return (e as InputError).problems.map(formatInputProblem);
  }
}

describe('profile schema: auth and webhooks', () => {
  it('accepts both example shapes', () => {
    expect(problems(`auth:\n  hmac:\n    algorithm: sha256\n    components: [method, path, { header: X-Date }]\n    headers: { signature: X-Signature }\n    secretEnv: P_SECRET\nwebhooks:\n  scheme: timestamped\n  header: P-Signature\n  secretEnv: P_SECRET\n`)).toEqual([]);
  });

  it('locates a misspelt key with a suggestion', () => {
    expect(problems(`auth:\n  hmac:\n    algorithm: sha256\n    components: [method]\n    headers: { signature: X-Signature }\n    secretEnv: P_SECRET\n    tolerence: 5m\n`)).toEqual([
      "partners/p.yaml:14:5  auth.hmac.tolerence: unknown key (did you mean 'tolerance'?)",
    ]);
  });

  it('locates a bad enum value and a lower-case variable name', () => {
    expect(problems(`auth:\n  rfc9421:\n    algorithm: ed448\n    components: ['@method']\n    keyEnv: my_key\n`)).toEqual([
      'partners/p.yaml:10:16  auth.rfc9421.algorithm: must be one of: hmac-sha256, ed25519, ecdsa-p256-sha256, rsa-pss-sha512',
      'partners/p.yaml:12:13  auth.rfc9421.keyEnv: must match pattern "^[A-Z_][A-Z0-9_]*$"',
    ]);
  });

  it('asks each webhook scheme for what it needs', () => {
    expect(problems(`webhooks:\n  scheme: rfc9421\n  keyEnv: P_KEY\n`)).toEqual(["partners/p.yaml:9:3  webhooks: missing required key 'components'"]);
  });
});

describe('what the schema cannot say', () => {
  const contract = { operations: new Map([['createToken', {}]]) } as unknown as Contract;
  const check = (yaml: string) => {
    const doc = parseLocatedYaml('partners/p.yaml', HEAD + yaml);
    return crossCheckAuth(doc.data as Profile, doc, contract).map(formatInputProblem);
  };

  it('names an unknown token operation with a suggestion, and a timestamp with no header', () => {
    expect(check(`auth:\n  oauth2: { tokenOperation: createTokn, clientIdEnv: A, clientSecretEnv: B }\n  hmac:\n    algorithm: sha256\n    components: [method, timestamp]\n    headers: { signature: X-Sig }\n    secretEnv: P_SECRET\n`)).toEqual([
      "partners/p.yaml:9:29  auth.oauth2.tokenOperation: operation 'createTokn' is not in the contract (did you mean 'createToken'?)",
      'partners/p.yaml:12:26  auth.hmac.components[1]: the canonical string signs a timestamp, but headers.timestamp names no header to send it in',
    ]);
  });

  it('names every credential the environment lacks, and a key that does not parse', () => {
    const doc = parseLocatedYaml('partners/p.yaml', HEAD + `auth:\n  rfc9421: { algorithm: ed25519, components: ['@method'], keyEnv: P_KEY, keyId: k }\n  apiKey: { in: header, name: X-Api-Key, valueEnv: P_API_KEY }\n`);
    const profile = doc.data as Profile;
    expect(credentialProblems(profile, doc, 'simulator', {}).map(formatInputProblem)).toEqual([
      'partners/p.yaml:9:67  auth.rfc9421.keyEnv: P_KEY is neither a PEM key nor a JWK',
      'partners/p.yaml:10:52  auth.apiKey.valueEnv: no test credential P_API_KEY in environments.simulator.testCredentials',
    ]);
    expect(credentialProblems(profile, doc, 'sandbox', { P_KEY: '{"kty":"OKP"}' }).map(formatInputProblem)).toEqual([
      expect.stringMatching(/^partners\/p.yaml:9:67  auth.rfc9421.keyEnv: P_KEY is not a usable JWK/),
      'partners/p.yaml:10:52  auth.apiKey.valueEnv: environment variable P_API_KEY is not set (needed for the sandbox environment)',
    ]);
  });
});
