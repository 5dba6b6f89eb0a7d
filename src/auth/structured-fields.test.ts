import { describe, expect, it } from 'vitest';
import { serializeDictionary, serializeInnerList, serializeList, sfString, type InnerList } from './structured-fields.ts';
import { parseDictionary, parseItem, parseList } from './structured-fields-parse.ts';

describe('RFC 8941 dictionaries', () => {
  it('parses a Signature-Input with component parameters and signature parameters', () => {
    const parsed = parseDictionary('sig1=("@query-param";name="Pet" "example-dict";key="a";sf "@method";req);created=1618884473;keyid="k";alg="ed25519"');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const member = parsed.value.get('sig1') as InnerList;
    expect(member.items.map((i) => [i.value, Object.fromEntries(i.params)])).toEqual([
      [sfString('@query-param'), { name: sfString('Pet') }],
      [sfString('example-dict'), { key: sfString('a'), sf: { type: 'boolean', value: true } }],
      [sfString('@method'), { req: { type: 'boolean', value: true } }],
    ]);
    expect([...member.params.keys()]).toEqual(['created', 'keyid', 'alg']);
    expect(serializeInnerList(member)).toBe('("@query-param";name="Pet" "example-dict";key="a";sf "@method";req);created=1618884473;keyid="k";alg="ed25519"');
  });

  it('parses several signatures as byte sequences', () => {
    const parsed = parseDictionary('sig1=:AAEC:,  sig2=:/w==:');
    expect(parsed.ok && [...parsed.value.entries()].map(([k, v]) => [k, 'value' in v && v.value.value])).toEqual([
      ['sig1', new Uint8Array([0, 1, 2])],
      ['sig2', new Uint8Array([255])],
    ]);
  });

  it('re-serialises canonically', () => {
    const parsed = parseDictionary(' a=1,    b=2;x=1;y=2,   c=(a   b   c), d, e=?0, f=-1.50, g="q\\"uote"');
    expect(parsed.ok && serializeDictionary(parsed.value)).toBe('a=1, b=2;x=1;y=2, c=(a b c), d, e=?0, f=-1.5, g="q\\"uote"');
  });

  it.each(['a=', 'a=1,', 'A=1', 'a=(1 2', 'a="unterminated', 'a=:AA', 'a=?2', 'a=1 b=2', 'a=1234567890123456', 'a="\\n"'])('rejects %j', (text) => {
    expect(parseDictionary(text)).toMatchObject({ ok: false });
  });
});

describe('RFC 8941 lists and items', () => {
  it('parses and serialises a list', () => {
    const parsed = parseList('"a",  tok;p=1, (1 2);q');
    expect(parsed.ok && serializeList(parsed.value)).toBe('"a", tok;p=1, (1 2);q');
  });

  it('parses an item', () => {
    expect(parseItem('"@path";req')).toMatchObject({ ok: true, value: { value: sfString('@path') } });
    expect(parseItem('"@path" x')).toMatchObject({ ok: false });
  });

  it('refuses to serialise a non-ASCII string', () => {
    expect(() => serializeDictionary(new Map([['a', { value: sfString('é'), params: new Map() }]]))).toThrow(/printable ASCII/);
  });
});
