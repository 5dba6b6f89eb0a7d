/**
 * RFC 9421 §2.3 (the @signature-params value) and §2.5 (creating the signature base).
 */
import { componentItem, serializeComponent, type ComponentInput } from './component-id.ts';
import { componentValue } from './component-values.ts';
import type { HttpMessage } from './http-message.ts';
import { serializeInnerList, sfInteger, sfString, type BareItem, type InnerList, type Parameters } from './structured-fields.ts';

/**
 * The signature parameters of §2.3. They are serialised in the order the object's keys were given,
 * as the RFC's examples vary it (B.2.1 has `created;keyid;nonce`).
 */
export interface SignatureParams {
  created?: number;
  expires?: number;
  nonce?: string;
  alg?: string;
  keyid?: string;
  tag?: string;
}

const INTEGER_PARAMS = new Set(['created', 'expires']);
const STRING_PARAMS = new Set(['nonce', 'alg', 'keyid', 'tag']);

function paramsMap(params: SignatureParams): Parameters {
  const map: Parameters = new Map();
  for (const [key, value] of Object.entries(params) as Array<[string, unknown]>) {
    if (value === undefined) continue;
    let bare: BareItem;
    if (INTEGER_PARAMS.has(key) && typeof value === 'number') bare = sfInteger(value);
    else if (STRING_PARAMS.has(key) && typeof value === 'string') bare = sfString(value);
    else throw new TypeError(`bad signature parameter ${key}=${JSON.stringify(value)}`);
    map.set(key, bare);
  }
  return map;
}

/** The covered components and parameters as the inner list that Signature-Input carries. */
export function signatureParamsList(components: readonly ComponentInput[], params: SignatureParams): InnerList {
  return { items: components.map(componentItem), params: paramsMap(params) };
}

/** `("date" "@authority");created=1618884473;keyid="k"` */
export function signatureParams(components: readonly ComponentInput[], params: SignatureParams): string {
  return serializeInnerList(signatureParamsList(components, params));
}

export type SignatureBaseResult = { ok: true; base: string } | { ok: false; reason: string; component?: string };

/** §2.5, never throwing: a missing or repeated component is reported with its identifier. */
export function buildSignatureBase(message: HttpMessage, list: InnerList): SignatureBaseResult {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const id of list.items) {
    const name = serializeComponent(id);
    // §2.5 step 2.1: a component identifier must not appear twice.
    if (seen.has(name)) return { ok: false, reason: `component ${name} is listed twice`, component: name };
    seen.add(name);
    const value = componentValue(message, id);
    if (!value.ok) return { ok: false, reason: value.reason, component: name };
    if (/[\r\n]/.test(value.value)) return { ok: false, reason: `component ${name} contains a line break`, component: name };
    lines.push(`${name}: ${value.value}`);
  }
  // §2.5 step 3: the last line, with no trailing newline.
  lines.push(`"@signature-params": ${serializeInnerList(list)}`);
  return { ok: true, base: lines.join('\n') };
}

/** The signature base as a string; throws when a component cannot be resolved in `message`. */
export function signatureBase(message: HttpMessage, components: readonly ComponentInput[], params: SignatureParams): string {
  const result = buildSignatureBase(message, signatureParamsList(components, params));
  if (!result.ok) throw new Error(`cannot build the signature base: ${result.reason}`);
  return result.base;
}
