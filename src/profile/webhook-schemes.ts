import type { WebhooksSpec } from './auth-model.ts';

/** public-key: RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA P-256 or Ed25519 (schemas/profile.schema.json lists them too). */
export const PUBLIC_KEY_ALGORITHMS = ['rsa-sha256', 'rsa-sha512', 'rsa-pss-sha256', 'rsa-pss-sha512', 'ecdsa-p256-sha256', 'ed25519'] as const;
export type PublicKeyAlgorithm = (typeof PUBLIC_KEY_ALGORITHMS)[number];

/** The schemes whose shared secret both sides hold (`secretEnv`). */
export function isHmacScheme(spec: Pick<WebhooksSpec, 'scheme'>): boolean {
  return spec.scheme === 'timestamped' || spec.scheme === 'body-hmac' || spec.scheme === 'fields-hmac';
}

/** The schemes signed by the partner's own key pair, named by `keyEnv` or `keyFile`. */
export function isKeyPairScheme(spec: Pick<WebhooksSpec, 'scheme'>): boolean {
  return spec.scheme === 'public-key' || spec.scheme === 'paypal';
}

/** public-key and paypal: the algorithm the partner's key signs with (PayPal's is always RSA-SHA256; default rsa-sha256). */
export function keyPairAlgorithm(spec: Pick<WebhooksSpec, 'scheme' | 'algorithm'>): PublicKeyAlgorithm {
  return spec.scheme === 'paypal' ? 'rsa-sha256' : ((spec.algorithm ?? 'rsa-sha256') as PublicKeyAlgorithm);
}
