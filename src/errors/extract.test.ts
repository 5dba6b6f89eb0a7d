import { describe, expect, test } from 'vitest';
import { extractPartnerCode } from './extract.ts';

const spec = { code: '/error/code', message: '/error/message' };

describe('extractPartnerCode', () => {
  test('reads code and message from a parsed body by JSON Pointer', () => {
    expect(extractPartnerCode({ error: { code: 'PIX_KEY_NOT_FOUND', message: 'no such key' } }, spec)).toEqual({
      code: 'PIX_KEY_NOT_FOUND',
      message: 'no such key',
    });
  });

  test('reads a dotted path, array indexes included', () => {
    const body = { errors: [{ code: 'E1' }] };
    expect(extractPartnerCode(body, { code: 'errors.0.code' })).toEqual({ code: 'E1' });
    expect(extractPartnerCode(body, { code: '/errors/0/code' })).toEqual({ code: 'E1' });
  });

  test('unescapes ~1 and ~0 in pointer tokens (RFC 6901 §4)', () => {
    const body = { 'x/error': { 'code~v2': 'E2' }, '~1': { code: 'E3' } };
    expect(extractPartnerCode(body, { code: '/x~1error/code~0v2' })).toEqual({ code: 'E2' });
    // '~01' is the literal '~1': ~1 is replaced before ~0, never the other way round.
    expect(extractPartnerCode(body, { code: '/~01/code' })).toEqual({ code: 'E3' });
  });

  test('a dotted path segment may hold a / or ~', () => {
    expect(extractPartnerCode({ 'a/b': { 'c~d': 'E4' } }, { code: 'a/b.c~d' })).toEqual({ code: 'E4' });
  });

  test('does not read inherited properties as codes', () => {
    expect(extractPartnerCode({ error: {} }, { code: '/error/constructor' })).toEqual({});
  });

  test('parses JSON text and bytes', () => {
    const text = JSON.stringify({ error: { code: 'E3' } });
    expect(extractPartnerCode(text, spec)).toEqual({ code: 'E3' });
    expect(extractPartnerCode(new TextEncoder().encode(text), spec)).toEqual({ code: 'E3' });
  });

  test('numeric codes become text', () => {
    expect(extractPartnerCode({ errorCode: 702 }, { code: 'errorCode' })).toEqual({ code: '702' });
  });

  test.each([
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>'],
    ['an empty body', ''],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a body without the code', { message: 'oops' }],
    ['a code that is an object', { error: { code: { nested: true } } }],
    ['an empty code', { error: { code: '' } }],
  ])('tolerates %s', (_, body) => {
    expect(extractPartnerCode(body, { code: '/error/code' })).toEqual({});
  });

  test('the message is optional in the spec', () => {
    expect(extractPartnerCode({ error: { code: 'E', message: 'm' } }, { code: '/error/code' })).toEqual({ code: 'E' });
  });

  test('a message without a code is still returned', () => {
    expect(extractPartnerCode({ error: { message: 'down' } }, spec)).toEqual({ message: 'down' });
  });
});
