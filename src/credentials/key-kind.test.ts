import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EnvironmentName, Profile } from '../profile/index.ts';
import { formatInputProblem, parseLocatedYaml } from '../source/index.ts';
import { credentialProblems } from './problems.ts';

// Issue 15: key material where a shared secret belongs, or the reverse, is a located error when the environment
// variable is read at run start (the simulator's test credentials are judged at lint: test/fixtures/bad/profile-webhook-*).

const publicPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
const rsaPrivatePem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

function problems(webhooks: string, env: EnvironmentName, processEnv: NodeJS.ProcessEnv, simulator = '{}'): string[] {
  const doc = parseLocatedYaml('p.yaml', `id: p\nenvironments:\n  simulator: ${simulator}\nwebhooks:\n${webhooks}`);
  return credentialProblems(doc.data as Profile, doc, env, processEnv).map(formatInputProblem);
}

describe('webhook credentials of the wrong kind, read from the environment at run start', () => {
  it('refuses a PEM public key as a body-hmac secret, saying what was expected', () => {
    expect(problems('  scheme: body-hmac\n  header: X-Sig\n  secretEnv: P_SECRET\n', 'sandbox', { P_SECRET: publicPem })).toEqual([
      'p.yaml:7:14  webhooks.secretEnv: P_SECRET holds a public key, not a shared secret: a body-hmac webhook is an HMAC with a secret both sides hold; a partner that signs with its own key is scheme public-key (or paypal) with keyEnv or keyFile',
    ]);
  });

  it('refuses a shared secret as the key of a public-key webhook, and a key of the wrong type', () => {
    const hooks = '  scheme: public-key\n  header: X-Signature-SHA256\n  keyEnv: P_KEY\n';
    expect(problems(hooks, 'production', { P_KEY: 'whsec_0123456789abcdef' })).toEqual([
      "p.yaml:7:11  webhooks.keyEnv: P_KEY holds no key (it reads like a shared secret): a public-key webhook is verified with the partner's public key (PEM or JWK) or its certificate; a partner that signs with a shared secret is scheme body-hmac, timestamped or fields-hmac with secretEnv",
    ]);
    expect(problems(hooks, 'sandbox', { P_KEY: publicPem })).toEqual(['p.yaml:7:11  webhooks.keyEnv: P_KEY: rsa-sha256 needs an RSA key, the key given is an Ed25519']);
    expect(problems(hooks, 'sandbox', { P_KEY: rsaPrivatePem })).toEqual([]);
  });

  it('refuses a hex key that is not hex, and accepts the right kinds', () => {
    const hooks = '  scheme: fields-hmac\n  secretEnv: P_HMAC\n  secretEncoding: hex\n  fields: [/id]\n  signatureAt: /sig\n';
    expect(problems(hooks, 'sandbox', { P_HMAC: 'not-hex' })).toEqual(['p.yaml:6:14  webhooks.secretEnv: P_HMAC is not hex (webhooks.secretEncoding: hex)']);
    expect(problems(hooks, 'sandbox', { P_HMAC: 'DFB1EB5485895CFA84146406857104AB' })).toEqual([]);
  });

  it('takes the public key from keyFile against a sandbox; the simulator needs a private key under keyEnv', () => {
    const hooks = '  scheme: paypal\n  keyFile: test/fixtures/webhooks/paypal-cert.pem\n  webhookId: WH1\n';
    expect(problems(hooks, 'sandbox', {})).toEqual([]);
    expect(problems(hooks, 'simulator', {})).toEqual([
      "p.yaml:6:12  webhooks.keyFile: the simulator signs its webhooks with the partner's private key, which a keyFile must not hold: add keyEnv and put a test private key under that name in environments.simulator.testCredentials",
    ]);
    const both = `${hooks}  keyEnv: P_TEST_KEY\n`;
    expect(problems(both, 'sandbox', {})).toEqual([]);
    expect(problems(both, 'simulator', {}, `{ testCredentials: { P_TEST_KEY: ${JSON.stringify(publicPem)} } }`)[0]).toMatch(/webhooks.keyEnv: P_TEST_KEY: rsa-sha256 needs an RSA key/);
    expect(problems(both, 'simulator', {}, `{ testCredentials: { P_TEST_KEY: ${JSON.stringify(rsaPrivatePem)} } }`)).toEqual([]);
  });
});
