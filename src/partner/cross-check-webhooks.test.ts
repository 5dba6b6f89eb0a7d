import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/index.ts';
import { formatInputProblem, parseLocatedYaml } from '../source/index.ts';
import { webhookSchemeProblems } from './cross-check-auth.ts';

// Issue 15: the `webhooks` keys that only fit some schemes, each refused where it is written, saying what fits.
function problems(webhooks: string): string[] {
  const doc = parseLocatedYaml('p.yaml', `id: p\nwebhooks:\n${webhooks}`);
  return webhookSchemeProblems((doc.data as Profile).webhooks!, doc).map(formatInputProblem);
}

describe('webhooks keys that do not fit the scheme', () => {
  it('accepts each scheme as the decision note writes it', () => {
    expect(problems('  scheme: fields-hmac\n  secretEnv: S\n  secretEncoding: hex\n  fields: [/a, /b]\n  signatureAt: /sig\n')).toEqual([]);
    expect(problems('  scheme: public-key\n  header: X-Sig\n  algorithm: ecdsa-p256-sha256\n  ecdsaSignature: raw\n  message: [{ timestamp: X-Time }, body]\n  keyFile: k.pem\n  keyEnv: K\n')).toEqual([]);
    expect(problems('  scheme: paypal\n  keyFile: cert.pem\n  webhookIdEnv: W\n')).toEqual([]);
  });

  it.each([
    ['an RSA algorithm on an HMAC scheme', '  scheme: body-hmac\n  header: X\n  secretEnv: S\n  algorithm: rsa-sha256\n', 'p.yaml:6:14  webhooks.algorithm: a body-hmac webhook is an HMAC: sha256 or sha512'],
    ['an HMAC algorithm on public-key', '  scheme: public-key\n  header: X\n  keyEnv: K\n  algorithm: sha256\n', 'p.yaml:6:14  webhooks.algorithm: a public-key webhook is signed by a key pair: one of rsa-sha256, rsa-sha512, rsa-pss-sha256, rsa-pss-sha512, ecdsa-p256-sha256, ed25519'],
    ['an algorithm on paypal', '  scheme: paypal\n  keyEnv: K\n  webhookId: W\n  algorithm: rsa-sha512\n', 'p.yaml:6:14  webhooks.algorithm: PayPal names its algorithm in PAYPAL-AUTH-ALGO (SHA256withRSA): leave algorithm out'],
    ['no key for public-key', '  scheme: public-key\n  header: X\n', "p.yaml:3:11  webhooks.scheme: a public-key webhook is verified with the partner's public key: give keyEnv or keyFile"],
    ['a secret for public-key', '  scheme: public-key\n  header: X\n  keyEnv: K\n  secretEnv: S\n', 'p.yaml:6:14  webhooks.secretEnv: a public-key webhook has no shared secret: the partner signs with its private key; name its public key with keyEnv or keyFile'],
    ['a keyFile for an HMAC scheme', '  scheme: timestamped\n  header: X\n  secretEnv: S\n  keyFile: k.pem\n', 'p.yaml:6:12  webhooks.keyFile: keyFile is for the public-key and paypal schemes; a timestamped webhook takes secretEnv'],
    ['a keyEnv for an HMAC scheme', '  scheme: fields-hmac\n  secretEnv: S\n  keyEnv: K\n  fields: [/a]\n  signatureAt: /s\n', 'p.yaml:5:11  webhooks.keyEnv: a fields-hmac webhook is an HMAC with a shared secret: name it with secretEnv (keyEnv is for schemes signed by a key pair)'],
    ['paypal without a webhook id', '  scheme: paypal\n  keyEnv: K\n', 'p.yaml:3:11  webhooks.scheme: PayPal signs the webhook id: give webhookId or webhookIdEnv'],
    ['ecdsaSignature without ECDSA', '  scheme: public-key\n  header: X\n  keyEnv: K\n  ecdsaSignature: raw\n', 'p.yaml:6:19  webhooks.ecdsaSignature: ecdsaSignature applies to algorithm ecdsa-p256-sha256 only'],
    ['a message outside public-key', '  scheme: body-hmac\n  header: X\n  secretEnv: S\n  message: [body]\n', 'p.yaml:6:12  webhooks.message: message applies to the public-key scheme only'],
    ['a signature among the signed fields', '  scheme: fields-hmac\n  secretEnv: S\n  fields: [/a, /sig]\n  signatureAt: /sig\n', 'p.yaml:6:16  webhooks.signatureAt: the signature cannot sign itself: /sig is also in fields'],
  ])('refuses %s', (_name, webhooks, message) => {
    expect(problems(webhooks)).toEqual([message]);
  });
});
