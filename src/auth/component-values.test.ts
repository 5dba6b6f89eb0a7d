import { describe, expect, it } from 'vitest';
import { componentItem, serializeComponent } from './component-id.ts';
import { componentValue } from './component-values.ts';
import type { HttpMessage } from './http-message.ts';

// Examples of RFC 9421 §2.1 and §2.2.
const message: HttpMessage = {
  method: 'POST',
  url: 'https://www.example.com/path?param=value',
  headers: {
    Host: 'www.example.com',
    'X-OWS-Header': '   Leading and trailing whitespace.   ',
    'X-Obs-Fold-Header': 'Obsolete\r\n    line folding.',
    'Cache-Control': ['max-age=60', '   must-revalidate'],
    'Example-Dict': ' a=1,    b=2;x=1;y=2,   c=(a   b   c)',
    'Example-Header': 'value, with, lots',
    'example-header': 'of, commas',
  },
};

const value = (m: HttpMessage, id: string) => componentValue(m, componentItem(id));

describe('derived components (RFC 9421 §2.2)', () => {
  it.each([
    ['@method', 'POST'],
    ['@target-uri', 'https://www.example.com/path?param=value'],
    ['@authority', 'www.example.com'],
    ['@scheme', 'https'],
    ['@request-target', '/path?param=value'],
    ['@path', '/path'],
    ['@query', '?param=value'],
  ])('%s', (id, expected) => {
    expect(value(message, id)).toEqual({ ok: true, value: expected });
  });

  it('@authority is lower case without the default port', () => {
    expect(value({ ...message, url: 'HTTPS://WWW.Example.COM:443/x' }, '@authority')).toEqual({ ok: true, value: 'www.example.com' });
    expect(value({ ...message, url: 'http://example.com:8080/x' }, '@authority')).toEqual({ ok: true, value: 'example.com:8080' });
  });

  it('@query of a URL without a query is "?"', () => {
    expect(value({ ...message, url: 'https://example.com/path' }, '@query')).toEqual({ ok: true, value: '?' });
  });

  it('@status on a response, and request components on it need ;req', () => {
    const response: HttpMessage = { ...message, status: 200, headers: {}, request: message };
    expect(value(response, '@status')).toEqual({ ok: true, value: '200' });
    expect(value(response, '@method')).toMatchObject({ ok: false });
    expect(value(response, '@authority;req')).toEqual({ ok: true, value: 'www.example.com' });
    expect(value(response, 'host;req')).toEqual({ ok: true, value: 'www.example.com' });
    expect(value(message, '@status')).toMatchObject({ ok: false });
  });

  it('unknown derived components are missing', () => {
    expect(value(message, '@fragment')).toMatchObject({ ok: false, reason: 'unknown derived component @fragment' });
  });
});

describe('@query-param (RFC 9421 §2.2.8)', () => {
  const m = { ...message, url: 'https://example.com/path?param=value&foo=bar&baz=batman&qux=' };
  const tricky = { ...message, url: 'https://example.com/parameters?var=this%20is%20a%20big%0Amultiline%20value&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something' };

  it.each([
    [m, '@query-param;name="baz"', 'batman'],
    [m, '@query-param;name="qux"', ''],
    [m, '@query-param;name="param"', 'value'],
    [tricky, '@query-param;name="var"', 'this%20is%20a%20big%0Amultiline%20value'],
    [tricky, '@query-param;name="bar"', 'with%20plus%20whitespace'],
    [tricky, '@query-param;name="fa%C3%A7ade%22%3A%20"', 'something'],
  ])('%#: %s', (msg, id, expected) => {
    expect(value(msg, id)).toEqual({ ok: true, value: expected });
  });

  it('is missing when absent or repeated', () => {
    expect(value(m, '@query-param;name="nope"')).toMatchObject({ ok: false });
    expect(value({ ...message, url: 'https://e.com/?a=1&a=2' }, '@query-param;name="a"')).toMatchObject({ ok: false });
    expect(value(m, '@query-param')).toMatchObject({ ok: false });
  });

  it('serialises its identifier with the name as a string', () => {
    expect(serializeComponent(componentItem('@query-param;name=Pet'))).toBe('"@query-param";name="Pet"');
    expect(serializeComponent(componentItem({ name: '@query-param', params: { name: 'Pet' } }))).toBe('"@query-param";name="Pet"');
  });
});

describe('HTTP fields (RFC 9421 §2.1)', () => {
  it.each([
    ['host', 'www.example.com'],
    ['x-ows-header', 'Leading and trailing whitespace.'],
    ['x-obs-fold-header', 'Obsolete line folding.'],
    ['cache-control', 'max-age=60, must-revalidate'],
    ['Example-Dict', 'a=1,    b=2;x=1;y=2,   c=(a   b   c)'],
    ['example-header', 'value, with, lots, of, commas'],
    ['example-dict;sf', 'a=1, b=2;x=1;y=2, c=(a b c)'],
    ['example-dict;key="a"', '1'],
    ['example-dict;key="b"', '2;x=1;y=2'],
    ['example-dict;key="c"', '(a b c)'],
    ['example-header;bs', ':dmFsdWUsIHdpdGgsIGxvdHM=:, :b2YsIGNvbW1hcw==:'],
  ])('%s', (id, expected) => {
    expect(value(message, id)).toEqual({ ok: true, value: expected });
  });

  it('reports absent fields, absent dictionary members and trailers', () => {
    expect(value(message, 'x-absent')).toMatchObject({ ok: false, reason: 'header field "x-absent" is absent' });
    expect(value(message, 'example-dict;key="d"')).toMatchObject({ ok: false });
    expect(value(message, 'x-ows-header;key="a"')).toMatchObject({ ok: false });
    expect(value(message, 'host;tr')).toMatchObject({ ok: false });
  });

  it('lower-cases field names in identifiers', () => {
    expect(serializeComponent(componentItem('Content-Type'))).toBe('"content-type"');
    expect(serializeComponent(componentItem('"example-dict";key="a";sf'))).toBe('"example-dict";key="a";sf');
  });

  it('throws on a malformed identifier given by the caller', () => {
    expect(() => componentItem('@query-param;name=')).toThrow(/bad component identifier/);
  });
});
