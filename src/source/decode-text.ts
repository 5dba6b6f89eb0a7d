import { isUtf8 } from 'node:buffer';
import { InputError } from './input-error.ts';
import type { InputProblem } from './input-error.ts';

/**
 * A file's bytes as text, or a located InputError when they are not UTF-8 text. Node's own decoding would
 * turn a Latin-1 `é` into U+FFFD without a word and a binary file into garbage that YAML reads as a string,
 * so a wrong encoding or a wrong file reached the user as "must be an object". A UTF-8 byte order mark is
 * dropped; CRLF line ends are YAML's business and read fine.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError([{ file, line: 1, col: 1, path: '', message: 'is UTF-16 text: railgate reads UTF-8, save the file as UTF-8' }]);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError([problemAt(file, bytes, nul, 'is a binary file, not YAML or JSON text (a NUL byte here)')]);
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new InputError([problemAt(file, bytes, at, `is not UTF-8 (byte 0x${byte} here; Latin-1 or Windows-1252?): save the file as UTF-8`)]);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Line and column (in characters, as YAML positions are) of a byte offset. */
function problemAt(file: string, bytes: Uint8Array, offset: number, message: string): InputProblem {
  // A negative fromIndex counts from the end: the first line has no newline before it.
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const col = 1 + new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length;
  return { file, line, col, path: '', message };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need > 0 && !isUtf8(bytes.subarray(i, i + need + 1))) return i;
    i += need + 1;
  }
  return bytes.length;
}
