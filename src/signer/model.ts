import type { HttpRequest } from '../http/index.ts';

/** What one signing of a request claims: its time and its nonce, plus any forgery asked for. */
export interface SignOptions {
  /** Unix seconds the signature claims (the run's clock). */
  at: number;
  nonce: string;
  forge?: Forge;
}

/**
 * How to get a signature wrong on purpose. Every forgery of the auth family is one of these applied
 * while signing, or a change made to the request after signing.
 */
export interface Forge {
  /** Sign with a key of the right kind that the partner does not hold. */
  wrongKey?: boolean;
  /** Send an API key, password or token the partner never issued. */
  wrongCredentials?: boolean;
  /** Name this key id instead of ours. */
  keyId?: string;
  /** Leave out the credential layers (API key, basic, bearer, OAuth2). */
  omitCredentials?: boolean;
  /** Leave out the signature layer (its headers are not sent at all). */
  omitSignature?: boolean;
}

/** What was signed, for reports and diagnostics: the text and the signature, never the key. */
export interface SigningTrace {
  scheme: 'hmac' | 'rfc9421';
  /** 'canonical string' or 'signature base'. */
  kind: string;
  text: string;
  algorithm: string;
  /** The signature as sent, prefix included. */
  signature: string;
}

export interface SignedRequest {
  request: HttpRequest;
  trace?: SigningTrace;
}

/** One way of authenticating a request; layers apply in order: credentials first, then the signature. */
export interface SigningLayer {
  kind: 'credential' | 'signature';
  /** Names (lower case) of headers whose values are secrets. */
  secretHeaders: readonly string[];
  /** Adds what the layer sends to `request` (a copy the signer owns). */
  apply(request: HttpRequest, options: SignOptions): Promise<SigningTrace | undefined>;
}
