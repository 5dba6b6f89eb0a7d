/**
 * RFC 9421 §3.1: creating an HTTP message signature. The result carries the signature base it
 * signed (for reports), never the key.
 */
import { inferAlgorithm, isSignatureAlgorithm, signBytes, type SignatureAlgorithm } from './algorithms.ts';
import type { ComponentInput } from './component-id.ts';
import type { HttpMessage } from './http-message.ts';
import type { SigningKey } from './keys.ts';
import { buildSignatureBase, signatureParamsList, type SignatureParams } from './signature-base.ts';
import { isKey, serializeInnerList } from './structured-fields.ts';

export interface SignMessageOptions {
  message: HttpMessage;
  /** The dictionary key in Signature-Input and Signature, e.g. `sig1`. */
  label: string;
  components: readonly ComponentInput[];
  params: SignatureParams;
  key: SigningKey;
  /** Defaults to `params.alg`, else the one algorithm the key fits. */
  alg?: SignatureAlgorithm;
}

export interface SignedMessage {
  /** Value of the Signature-Input field: `label=(...);created=...`. */
  signatureInput: string;
  /** Value of the Signature field: `label=:base64:`. */
  signature: string;
  base: string;
  alg: SignatureAlgorithm;
  headers: { 'Signature-Input': string; Signature: string };
}

function chooseAlgorithm(options: SignMessageOptions): SignatureAlgorithm {
  const named = options.params.alg;
  if (named !== undefined && !isSignatureAlgorithm(named)) throw new TypeError(`unsupported alg "${named}"`);
  if (named !== undefined && options.alg !== undefined && named !== options.alg) {
    throw new TypeError(`params.alg "${named}" contradicts alg "${options.alg}"`);
  }
  const alg = options.alg ?? named ?? inferAlgorithm(options.key);
  if (alg === undefined) throw new TypeError('the key fits no supported algorithm');
  return alg;
}

/** Throws on misuse (bad label, component absent from the message, key unfit for the algorithm). */
export function signMessage(options: SignMessageOptions): SignedMessage {
  const { message, label, components, params, key } = options;
  if (!isKey(label)) throw new TypeError(`label must be an RFC 8941 key (lower case): ${JSON.stringify(label)}`);
  const alg = chooseAlgorithm(options);
  const list = signatureParamsList(components, params);
  const built = buildSignatureBase(message, list);
  if (!built.ok) throw new Error(`cannot build the signature base: ${built.reason}`);
  const bytes = signBytes(alg, key, Buffer.from(built.base, 'utf8'));
  const signatureInput = `${label}=${serializeInnerList(list)}`;
  const signature = `${label}=:${bytes.toString('base64')}:`;
  return { signatureInput, signature, base: built.base, alg, headers: { 'Signature-Input': signatureInput, Signature: signature } };
}
