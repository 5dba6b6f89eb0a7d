/**
 * The RFC 8941 Structured Field Values data model and its serialisation (§4.1): just what RFC 9421
 * and RFC 9530 need. Parsing lives in structured-fields-parse.ts.
 */

export type BareItem =
  | { type: 'integer'; value: number }
  | { type: 'decimal'; value: number }
  | { type: 'string'; value: string }
  | { type: 'token'; value: string }
  | { type: 'byte-sequence'; value: Uint8Array }
  | { type: 'boolean'; value: boolean };

/** Ordered, as on the wire; a repeated key overwrites in place (RFC 8941 §4.2.3.2). */
export type Parameters = Map<string, BareItem>;

export interface Item {
  value: BareItem;
  params: Parameters;
}

export interface InnerList {
  items: Item[];
  params: Parameters;
}

export type ListMember = Item | InnerList;
export type List = ListMember[];
export type Dictionary = Map<string, ListMember>;

export function isInnerList(member: ListMember): member is InnerList {
  return 'items' in member;
}

export function sfString(value: string): BareItem {
  return { type: 'string', value };
}

export function sfInteger(value: number): BareItem {
  return { type: 'integer', value };
}

export function item(value: BareItem, params: Parameters = new Map()): Item {
  return { value, params };
}

const KEY = /^[a-z*][a-z0-9_\-.*]*$/;
const TOKEN = /^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function isKey(key: string): boolean {
  return KEY.test(key);
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new TypeError(`RFC 8941 serialisation: ${message}`);
}

function serializeDecimal(value: number): string {
  // §4.1.5: at most 12 integer digits and 3 fractional digits, at least one fractional digit.
  const rounded = Math.round(value * 1000) / 1000;
  assert(Number.isFinite(rounded) && Math.abs(Math.trunc(rounded)) <= 999_999_999_999, `decimal out of range: ${value}`);
  const text = rounded.toFixed(3).replace(/0+$/, '');
  return text.endsWith('.') ? `${text}0` : text;
}

export function serializeBareItem(bare: BareItem): string {
  switch (bare.type) {
    case 'integer':
      // §4.1.4: integers have at most 15 digits.
      assert(Number.isInteger(bare.value) && Math.abs(bare.value) <= 999_999_999_999_999, `not an sf-integer: ${bare.value}`);
      return String(bare.value);
    case 'decimal':
      return serializeDecimal(bare.value);
    case 'string':
      // §4.1.6: only printable ASCII; backslash and double quote are escaped.
      assert(PRINTABLE_ASCII.test(bare.value), `sf-string must be printable ASCII: ${JSON.stringify(bare.value)}`);
      return `"${bare.value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    case 'token':
      assert(TOKEN.test(bare.value), `not an sf-token: ${JSON.stringify(bare.value)}`);
      return bare.value;
    case 'byte-sequence':
      return `:${Buffer.from(bare.value).toString('base64')}:`;
    case 'boolean':
      return bare.value ? '?1' : '?0';
  }
}

export function serializeParams(params: Parameters): string {
  let out = '';
  for (const [key, value] of params) {
    assert(isKey(key), `not an sf-key: ${JSON.stringify(key)}`);
    // §4.1.1.2: a parameter whose value is boolean true is written as the bare key.
    out += value.type === 'boolean' && value.value ? `;${key}` : `;${key}=${serializeBareItem(value)}`;
  }
  return out;
}

export function serializeItem(it: Item): string {
  return serializeBareItem(it.value) + serializeParams(it.params);
}

export function serializeInnerList(list: InnerList): string {
  return `(${list.items.map(serializeItem).join(' ')})${serializeParams(list.params)}`;
}

export function serializeMember(member: ListMember): string {
  return isInnerList(member) ? serializeInnerList(member) : serializeItem(member);
}

export function serializeList(list: List): string {
  return list.map(serializeMember).join(', ');
}

export function serializeDictionary(dict: Dictionary): string {
  const parts: string[] = [];
  for (const [key, member] of dict) {
    assert(isKey(key), `not an sf-key: ${JSON.stringify(key)}`);
    const bareTrue = !isInnerList(member) && member.value.type === 'boolean' && member.value.value;
    parts.push(bareTrue ? key + serializeParams(member.params) : `${key}=${serializeMember(member)}`);
  }
  return parts.join(', ');
}
