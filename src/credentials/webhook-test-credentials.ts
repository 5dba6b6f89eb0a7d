import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { keyPairAlgorithm } from '../profile/index.ts';
import type { WebhooksSpec } from '../profile/index.ts';

/**
 * Fresh TEST credentials for the simulator's side of a webhook scheme, by variable name, as
 * `environments.simulator.testCredentials` holds them: a shared secret for the HMAC schemes (in the profile's
 * `secretEncoding`), the partner's private key (PKCS#8 PEM) for the key-pair schemes — the simulator signs
 * with it and railgate's receiver derives the public half. A `keyFile` holds public material: none is made for it.
 */
export function webhookTestCredentials(spec: WebhooksSpec): Record<string, string> {
  const out: Record<string, string> = {};
  if (spec.secretEnv !== undefined) out[spec.secretEnv] = testSecret(spec.secretEncoding ?? 'utf8');
  if (spec.keyEnv !== undefined && spec.scheme !== 'rfc9421') out[spec.keyEnv] = testPrivateKey(keyPairAlgorithm(spec));
  if (spec.webhookIdEnv !== undefined) out[spec.webhookIdEnv] = `WHTEST${randomBytes(6).toString('hex').toUpperCase()}`;
  return out;
}

function testSecret(encoding: 'utf8' | 'base64' | 'hex'): string {
  const bytes = randomBytes(32);
  return encoding === 'hex' ? bytes.toString('hex').toUpperCase() : encoding === 'base64' ? bytes.toString('base64') : `whsec_test_${bytes.toString('base64url')}`;
}

function testPrivateKey(algorithm: string): string {
  const { privateKey } =
    algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : algorithm === 'ecdsa-p256-sha256' ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}
