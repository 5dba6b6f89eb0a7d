/**
 * RFC 9421 §2 component identifiers: an sf-string (a lower-cased field name or an `@` derived
 * component name) with parameters `sf`, `key`, `bs`, `req`, `tr` and `name`.
 */
import { item, serializeItem, sfString, type BareItem, type Item, type Parameters } from './structured-fields.ts';
import { parseItem } from './structured-fields-parse.ts';

export interface ComponentParams {
  /** For `@query-param`: the parameter name, percent-encoded as in the signature base. */
  name?: string;
  /** A member of a Dictionary field (§2.1.2). */
  key?: string;
  /** Re-serialise the field as a Structured Field (§2.1.1). */
  sf?: boolean;
  /** Wrap each field line as a Byte Sequence (§2.1.3). */
  bs?: boolean;
  /** Take the component from the request a response answers (§2.4). */
  req?: boolean;
  /** Take the field from the trailers (§2.1.4); not supported, it always resolves as missing. */
  tr?: boolean;
}

/**
 * A component as a caller names it: `'content-type'`, `'@query-param;name="Pet"'` (parameters as in
 * the Signature-Input field, bare tokens accepted for `name`/`key`), or `{ name, params }`.
 */
export type ComponentInput = string | { name: string; params?: ComponentParams };

/** Field names are lower-cased (§2.1); tokens given for `name` or `key` become strings. */
function normalise(it: Item): Item {
  if (it.value.type !== 'string') throw new TypeError('a component identifier is an sf-string');
  const params: Parameters = new Map();
  for (const [key, value] of it.params) {
    const stringly = (key === 'name' || key === 'key') && value.type === 'token';
    params.set(key, stringly ? sfString(value.value) : value);
  }
  return item(sfString(it.value.value.toLowerCase()), params);
}

/** Throws on a malformed identifier: components are configured by the caller, not received. */
export function componentItem(input: ComponentInput): Item {
  if (typeof input !== 'string') {
    const params: Parameters = new Map();
    for (const [key, value] of Object.entries(input.params ?? {})) {
      if (value === undefined || value === false) continue;
      const bare: BareItem = typeof value === 'string' ? sfString(value) : { type: 'boolean', value: true };
      params.set(key, bare);
    }
    return normalise(item(sfString(input.name), params));
  }
  const semicolon = input.indexOf(';');
  const text = input.startsWith('"')
    ? input
    : semicolon === -1
      ? JSON.stringify(input)
      : JSON.stringify(input.slice(0, semicolon)) + input.slice(semicolon);
  const parsed = parseItem(text);
  if (!parsed.ok) throw new TypeError(`bad component identifier ${JSON.stringify(input)}: ${parsed.reason}`);
  return normalise(parsed.value);
}

/** `"@query-param";name="Pet"`: the form used in the signature base and the Signature-Input list. */
export function serializeComponent(id: Item): string {
  return serializeItem(id);
}

export function componentName(id: Item): string {
  return id.value.type === 'string' ? id.value.value : '';
}

export function stringParam(id: Item, key: string): string | undefined {
  const value = id.params.get(key);
  return value?.type === 'string' ? value.value : undefined;
}

export function flagParam(id: Item, key: string): boolean {
  const value = id.params.get(key);
  return value?.type === 'boolean' && value.value;
}
