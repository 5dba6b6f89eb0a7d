import { describe, expect, it } from 'vitest';
import { decodeHex } from './bytes.ts';

describe('decodeHex', () => {
  it('decodes hex pairs of either case', () => {
    expect(decodeHex('00aBfF')).toEqual(Buffer.from([0x00, 0xab, 0xff]));
    expect(decodeHex('')).toEqual(Buffer.alloc(0));
  });

  it.each([
    ['an odd last character', 'abc'],
    ['a character that is not hex', 'zz'],
    ['a space', 'ab cd'],
    ['a 0x prefix', '0x12'],
    // Buffer.from keeps only a character's low byte: U+0161 reads as 'a', U+0130 as '0'. Not hex, whatever it reads as.
    ['characters beyond U+00FF whose low byte is a hex digit', '\u0161\u0161'],
    ['one such character beside hex', '0\u0130'],
  ])('refuses %s', (_name, text) => {
    expect(decodeHex(text)).toBeUndefined();
  });
});
