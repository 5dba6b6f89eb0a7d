/**
 * RFC 9421 §3.2: verifying an HTTP message signature. Every outcome is a value: the first check
 * that failed (`step`), a sentence (`reason`) and, once it could be built, the signature base.
 */
import { inferAlgorithm, isSignatureAlgorithm, keyMismatch, verifyBytes, type SignatureAlgorithm } from './algorithms.ts';
import { componentItem, serializeComponent, type ComponentInput } from './component-id.ts';
import { verifyContentDigest } from './digest.ts';
import { fieldValue, type HttpMessage } from './http-message.ts';
import { isKeyObject, type SigningKey } from './keys.ts';
import type { Failure } from './result.ts';
import { buildSignatureBase } from './signature-base.ts';
import { isInnerList, type Dictionary, type InnerList } from './structured-fields.ts';
import { parseDictionary } from './structured-fields-parse.ts';

export type VerifyMessageStep =
  | 'missing-signature'
  | 'malformed'
  | 'unsupported-algorithm'
  | 'expired'
  | 'created-in-future'
  | 'stale'
  | 'missing-parameter'
  | 'missing-component'
  | 'digest-mismatch'
  | 'unknown-key'
  | 'incompatible-key'
  | 'signature-mismatch';

/** A key alone, or a key pinned to the one algorithm it may be used with (§3.2 step 5). */
export type ResolvedKey = SigningKey | { key: SigningKey; alg?: SignatureAlgorithm };

export interface VerifyMessageOptions {
  message: HttpMessage;
  /** Defaults to the message's Signature-Input field. */
  signatureInputHeader?: string;
  /** Defaults to the message's Signature field. */
  signatureHeader?: string;
  /** Which signature to verify; defaults to the first label present in both fields. */
  label?: string;
  resolveKey: (keyid: string | undefined, alg: SignatureAlgorithm | undefined) => ResolvedKey | undefined;
  /** Unix seconds; defaults to the current time (the only ambient read in this module). */
  now?: number;
  /** Reject signatures whose `created` is older than this. */
  maxAgeSeconds?: number;
  /** Allowance for clock skew on `created` in the future and on `expires`. Default 0. */
  clockSkewSeconds?: number;
  /** Components the signature must cover, e.g. `['@method', '@target-uri', 'content-digest']`. */
  requiredComponents?: readonly ComponentInput[];
  /** Check a Content-Digest field present in the message against its body. Default true. */
  checkContentDigest?: boolean;
}

export interface MessageVerified {
  ok: true;
  label: string;
  alg: SignatureAlgorithm;
  keyid?: string;
  created?: number;
  expires?: number;
  nonce?: string;
  tag?: string;
  /** Covered component identifiers as serialised in the base, e.g. `"@method"`. */
  components: string[];
  base: string;
}

export interface MessageVerificationFailure extends Failure<VerifyMessageStep> {
  label?: string;
  base?: string;
}

export type MessageVerification = MessageVerified | MessageVerificationFailure;

interface Chosen {
  label: string;
  list: InnerList;
  signature: Uint8Array;
}

type Params = { created?: number; expires?: number; keyid?: string; alg?: string; nonce?: string; tag?: string };

const failure = (step: VerifyMessageStep, reason: string, extra: { label?: string; base?: string } = {}): MessageVerificationFailure => ({
  ok: false,
  step,
  reason,
  ...extra,
});

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function parseField(name: string, value: string): Dictionary | MessageVerificationFailure {
  const parsed = parseDictionary(value);
  return parsed.ok ? parsed.value : failure('malformed', `${name} is not an RFC 8941 dictionary: ${parsed.reason}`);
}

function choose(inputs: Dictionary, signatures: Dictionary, label: string | undefined): Chosen | MessageVerificationFailure {
  const candidates = label === undefined ? [...inputs.keys()].filter((l) => signatures.has(l)) : [label];
  const chosen = candidates[0];
  if (chosen === undefined) return failure('missing-signature', 'no label is present in both Signature-Input and Signature');
  const input = inputs.get(chosen);
  const signature = signatures.get(chosen);
  if (input === undefined || signature === undefined) {
    return failure('missing-signature', `label "${chosen}" is not in both Signature-Input and Signature`, { label: chosen });
  }
  // §4.1: each Signature-Input member is an inner list of sf-strings.
  if (!isInnerList(input) || input.items.some((it) => it.value.type !== 'string')) {
    return failure('malformed', `Signature-Input "${chosen}" is not an inner list of component identifiers`, { label: chosen });
  }
  // §4.2: each Signature member is a byte sequence.
  if (isInnerList(signature) || signature.value.type !== 'byte-sequence') {
    return failure('malformed', `Signature "${chosen}" is not a byte sequence`, { label: chosen });
  }
  return { label: chosen, list: input, signature: signature.value.value };
}

function readParams(list: InnerList): Params | string {
  const params: Params = {};
  for (const [key, value] of list.params) {
    if (key === 'created' || key === 'expires') {
      if (value.type !== 'integer') return `${key} must be an integer`;
      params[key] = value.value;
    } else if (key === 'keyid' || key === 'alg' || key === 'nonce' || key === 'tag') {
      if (value.type !== 'string') return `${key} must be a string`;
      params[key] = value.value;
    }
  }
  return params;
}

function checkTime(params: Params, options: VerifyMessageOptions): MessageVerificationFailure | undefined {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const skew = options.clockSkewSeconds ?? 0;
  const { created, expires } = params;
  // §3.2 step 6: expiry and creation time are checked against the verifier's clock.
  if (expires !== undefined && now > expires + skew) return failure('expired', `expired at ${expires}, now ${now}`);
  if (created !== undefined && created > now + skew) return failure('created-in-future', `created ${created} is after now ${now}`);
  if (options.maxAgeSeconds !== undefined) {
    if (created === undefined) return failure('missing-parameter', 'maxAgeSeconds is set but the signature has no created parameter');
    if (now - created > options.maxAgeSeconds) {
      return failure('stale', `created ${now - created}s ago, more than the ${options.maxAgeSeconds}s allowed`);
    }
  }
  return undefined;
}

function checkRequired(list: InnerList, required: readonly ComponentInput[]): MessageVerificationFailure | undefined {
  const covered = new Set(list.items.map(serializeComponent));
  for (const input of required) {
    const name = serializeComponent(componentItem(input));
    if (!covered.has(name)) return failure('missing-component', `the signature does not cover ${name}`);
  }
  return undefined;
}

function resolve(options: VerifyMessageOptions, params: Params): { key: SigningKey; alg: SignatureAlgorithm } | MessageVerificationFailure {
  const named = params.alg as SignatureAlgorithm | undefined;
  let resolved: ResolvedKey | undefined;
  try {
    resolved = options.resolveKey(params.keyid, named);
  } catch (error) {
    return failure('unknown-key', `resolveKey threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (resolved === undefined) return failure('unknown-key', `no key for keyid ${JSON.stringify(params.keyid ?? null)}`);
  const { key, alg: pinned } = resolved instanceof Uint8Array || isKeyObject(resolved) ? { key: resolved, alg: undefined } : resolved;
  if (named !== undefined && pinned !== undefined && named !== pinned) {
    return failure('incompatible-key', `the signature says alg "${named}" but the key is for "${pinned}"`);
  }
  const alg = named ?? pinned ?? inferAlgorithm(key);
  if (alg === undefined) return failure('incompatible-key', 'the key fits no supported algorithm');
  const mismatch = keyMismatch(alg, key);
  return mismatch === undefined ? { key, alg } : failure('incompatible-key', mismatch);
}

function verifyChecked(options: VerifyMessageOptions): MessageVerification {
  const { message } = options;
  const inputHeader = options.signatureInputHeader ?? fieldValue(message.headers, 'signature-input');
  const signatureHeader = options.signatureHeader ?? fieldValue(message.headers, 'signature');
  if (inputHeader === undefined || signatureHeader === undefined) {
    return failure('missing-signature', `no ${inputHeader === undefined ? 'Signature-Input' : 'Signature'} field`);
  }
  const inputs = parseField('Signature-Input', inputHeader);
  if (!(inputs instanceof Map)) return inputs;
  const signatures = parseField('Signature', signatureHeader);
  if (!(signatures instanceof Map)) return signatures;
  const chosen = choose(inputs, signatures, options.label);
  if ('ok' in chosen) return chosen;
  const { label, list } = chosen;
  const params = readParams(list);
  if (typeof params === 'string') return failure('malformed', params, { label });
  if (params.alg !== undefined && !isSignatureAlgorithm(params.alg)) {
    return failure('unsupported-algorithm', `alg "${params.alg}" is not supported`, { label });
  }
  const early = checkTime(params, options) ?? checkRequired(list, options.requiredComponents ?? []);
  if (early !== undefined) return { ...early, label };
  const digest = message.body !== undefined && options.checkContentDigest !== false ? fieldValue(message.headers, 'content-digest') : undefined;
  if (digest !== undefined && message.body !== undefined) {
    const checked = verifyContentDigest(digest, message.body);
    if (!checked.ok) return failure('digest-mismatch', `Content-Digest: ${checked.reason}`, { label });
  }
  const built = buildSignatureBase(message, list);
  if (!built.ok) return failure('missing-component', built.reason, { label });
  const key = resolve(options, params);
  if ('ok' in key) return { ...key, label, base: built.base };
  if (!verifyBytes(key.alg, key.key, Buffer.from(built.base, 'utf8'), chosen.signature)) {
    return failure('signature-mismatch', `the ${key.alg} signature does not match the signature base`, { label, base: built.base });
  }
  const { created, expires, keyid, nonce, tag } = params;
  const verified: MessageVerified = { ok: true, label, alg: key.alg, components: list.items.map(serializeComponent), base: built.base };
  return Object.assign(verified, dropUndefined({ keyid, created, expires, nonce, tag }));
}

/** Never throws: unexpected errors (a bad `requiredComponents` entry…) come back as `malformed`. */
export function verifyMessage(options: VerifyMessageOptions): MessageVerification {
  try {
    return verifyChecked(options);
  } catch (error) {
    return failure('malformed', `verification failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
