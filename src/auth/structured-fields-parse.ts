/**
 * RFC 8941 §4.2 parsing algorithms for Dictionaries, Lists and Items. Failures are returned as data
 * (a header from a partner is untrusted input), never thrown to the caller.
 */
import type { BareItem, Dictionary, InnerList, Item, List, ListMember, Parameters } from './structured-fields.ts';

export type SfParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

class SfSyntaxError extends Error {}

const DIGIT = /[0-9]/;
const LCALPHA = /[a-z]/;
const ALPHA = /[A-Za-z]/;
const KEY_CHAR = /[a-z0-9_\-.*]/;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/;
const BASE64_CHAR = /[A-Za-z0-9+/=]/;

class Parser {
  private pos = 0;
  constructor(private readonly input: string) {}

  private peek(): string {
    return this.input.charAt(this.pos);
  }

  private get done(): boolean {
    return this.pos >= this.input.length;
  }

  private error(what: string): never {
    throw new SfSyntaxError(`${what} at offset ${this.pos}`);
  }

  private skip(chars: string): void {
    while (!this.done && chars.includes(this.peek())) this.pos += 1;
  }

  /** §4.2: leading SP, the value, trailing SP, nothing else. */
  top<T>(parse: () => T): T {
    this.skip(' ');
    const value = parse();
    this.skip(' ');
    if (!this.done) this.error('unexpected character');
    return value;
  }

  /** §4.2.2 */
  dictionary(): Dictionary {
    const dict: Dictionary = new Map();
    while (!this.done) {
      const key = this.key();
      let member: ListMember;
      if (this.peek() === '=') {
        this.pos += 1;
        member = this.itemOrInnerList();
      } else {
        member = { value: { type: 'boolean', value: true }, params: this.params() };
      }
      dict.set(key, member);
      if (this.separator()) break;
    }
    return dict;
  }

  /** §4.2.1 */
  list(): List {
    const list: List = [];
    while (!this.done) {
      list.push(this.itemOrInnerList());
      if (this.separator()) break;
    }
    return list;
  }

  /** OWS "," OWS between members; true at the end of input. A trailing comma is an error. */
  private separator(): boolean {
    this.skip(' \t');
    if (this.done) return true;
    if (this.peek() !== ',') this.error('expected ","');
    this.pos += 1;
    this.skip(' \t');
    if (this.done) this.error('trailing ","');
    return false;
  }

  private itemOrInnerList(): ListMember {
    return this.peek() === '(' ? this.innerList() : this.item();
  }

  /** §4.2.1.2 */
  private innerList(): InnerList {
    this.pos += 1;
    const items: Item[] = [];
    while (!this.done) {
      this.skip(' ');
      if (this.peek() === ')') {
        this.pos += 1;
        return { items, params: this.params() };
      }
      items.push(this.item());
      if (this.peek() !== ' ' && this.peek() !== ')') this.error('expected " " or ")" in inner list');
    }
    return this.error('unterminated inner list');
  }

  /** §4.2.3 */
  item(): Item {
    return { value: this.bareItem(), params: this.params() };
  }

  /** §4.2.3.1 */
  private bareItem(): BareItem {
    const c = this.peek();
    if (c === '-' || DIGIT.test(c)) return this.number();
    if (c === '"') return this.string();
    if (c === '*' || ALPHA.test(c)) return this.token();
    if (c === ':') return this.byteSequence();
    if (c === '?') return this.boolean();
    return this.error('expected a bare item');
  }

  /** §4.2.3.2 */
  private params(): Parameters {
    const params: Parameters = new Map();
    while (this.peek() === ';') {
      this.pos += 1;
      this.skip(' ');
      const key = this.key();
      let value: BareItem = { type: 'boolean', value: true };
      if (this.peek() === '=') {
        this.pos += 1;
        value = this.bareItem();
      }
      params.set(key, value);
    }
    return params;
  }

  /** §4.2.3.3 */
  private key(): string {
    const start = this.pos;
    if (!LCALPHA.test(this.peek()) && this.peek() !== '*') this.error('expected a key');
    while (!this.done && KEY_CHAR.test(this.peek())) this.pos += 1;
    return this.input.slice(start, this.pos);
  }

  /** §4.2.4 */
  private number(): BareItem {
    const start = this.pos;
    if (this.peek() === '-') this.pos += 1;
    if (!DIGIT.test(this.peek())) this.error('expected a digit');
    while (!this.done && DIGIT.test(this.peek())) this.pos += 1;
    const intDigits = this.pos - start - (this.input[start] === '-' ? 1 : 0);
    if (this.peek() !== '.') {
      if (intDigits > 15) this.error('integer too long');
      return { type: 'integer', value: Number(this.input.slice(start, this.pos)) };
    }
    if (intDigits > 12) this.error('decimal too long');
    this.pos += 1;
    const fracStart = this.pos;
    while (!this.done && DIGIT.test(this.peek())) this.pos += 1;
    const fracDigits = this.pos - fracStart;
    if (fracDigits < 1 || fracDigits > 3) this.error('decimal needs 1 to 3 fractional digits');
    return { type: 'decimal', value: Number(this.input.slice(start, this.pos)) };
  }

  /** §4.2.5 */
  private string(): BareItem {
    this.pos += 1;
    let out = '';
    while (!this.done) {
      const c = this.peek();
      this.pos += 1;
      if (c === '"') return { type: 'string', value: out };
      if (c === '\\') {
        const next = this.peek();
        if (next !== '"' && next !== '\\') this.error('bad escape in string');
        out += next;
        this.pos += 1;
      } else if (c < ' ' || c > '~') {
        this.error('non-printable character in string');
      } else {
        out += c;
      }
    }
    return this.error('unterminated string');
  }

  /** §4.2.6 */
  private token(): BareItem {
    const start = this.pos;
    this.pos += 1;
    while (!this.done && TOKEN_CHAR.test(this.peek())) this.pos += 1;
    return { type: 'token', value: this.input.slice(start, this.pos) };
  }

  /** §4.2.7 */
  private byteSequence(): BareItem {
    this.pos += 1;
    const start = this.pos;
    while (!this.done && this.peek() !== ':') {
      if (!BASE64_CHAR.test(this.peek())) this.error('bad character in byte sequence');
      this.pos += 1;
    }
    if (this.done) this.error('unterminated byte sequence');
    const encoded = this.input.slice(start, this.pos);
    this.pos += 1;
    return { type: 'byte-sequence', value: new Uint8Array(Buffer.from(encoded, 'base64')) };
  }

  /** §4.2.8 */
  private boolean(): BareItem {
    this.pos += 1;
    const c = this.peek();
    if (c !== '0' && c !== '1') this.error('expected ?0 or ?1');
    this.pos += 1;
    return { type: 'boolean', value: c === '1' };
  }
}

function run<T>(input: string, parse: (p: Parser) => T): SfParseResult<T> {
  const parser = new Parser(input);
  try {
    return { ok: true, value: parser.top(() => parse(parser)) };
  } catch (error) {
    if (error instanceof SfSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

export function parseDictionary(input: string): SfParseResult<Dictionary> {
  return run(input, (p) => p.dictionary());
}

export function parseList(input: string): SfParseResult<List> {
  return run(input, (p) => p.list());
}

export function parseItem(input: string): SfParseResult<Item> {
  return run(input, (p) => p.item());
}
