import type { Position } from '../source/index.ts';
import { lineStarts, positionAt } from './line-starts.ts';

type Path = ReadonlyArray<string | number>;

/**
 * Places a key path in JSON text without building a document: walks down the path and skips every sibling
 * value by its brackets and quotes. A published JSON contract's few warnings are placed in milliseconds each,
 * where the yaml library's located parse of Square's 3 MB takes a second or two. Returns undefined for text it
 * cannot read as JSON (the caller then parses it the located way), else the position of the value at `path` —
 * or of its key — or of the deepest part of the path that exists, as the located parse does.
 */
export function jsonLocator(text: string): (path: Path, at?: 'key' | 'value') => Position | undefined {
  let lines: number[] | undefined;
  const position = (offset: number): Position => positionAt((lines ??= lineStarts(text)), offset);
  // Where each path walked so far sits: problems cluster (components/schemas/…), and a walk from the root skips
  // every big sibling before them again.
  const walked = new Map<string, Found>();
  return (path, at = 'value') => {
    try {
      const found = walk(text, path, walked);
      return position(at === 'key' && found.key !== undefined ? found.key : found.value);
    } catch {
      return undefined;
    }
  };
}

class NotJson extends Error {}

interface Found {
  value: number;
  key?: number;
}

function walk(text: string, path: Path, walked: Map<string, Found>): Found {
  let from = path.length;
  let here: Found | undefined;
  while (from > 0 && !(here = walked.get(JSON.stringify(path.slice(0, from))))) from--;
  let i = here?.value ?? space(text, 0);
  let key = here?.key;
  for (const [n, seg] of path.slice(from).entries()) {
    const c = text[i];
    if (c === '{') {
      const member = findMember(text, i, String(seg));
      if (!member) break;
      ({ key, value: i } = member);
    } else if (c === '[' && typeof seg === 'number') {
      const item = findItem(text, i, seg);
      if (item === undefined) break;
      key = undefined;
      i = item;
    } else {
      break;
    }
    walked.set(JSON.stringify(path.slice(0, from + n + 1)), { value: i, ...(key !== undefined && { key }) });
  }
  return { value: i, ...(key !== undefined && { key }) };
}

function findMember(text: string, open: number, name: string): { key: number; value: number } | undefined {
  let i = space(text, open + 1);
  if (text[i] === '}') return undefined;
  for (;;) {
    if (text[i] !== '"') throw new NotJson();
    const keyAt = i;
    const end = skipString(text, i);
    const raw = text.slice(i + 1, end - 1);
    const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
    i = space(text, end);
    if (text[i] !== ':') throw new NotJson();
    i = space(text, i + 1);
    if (key === name) return { key: keyAt, value: i };
    i = space(text, skipValue(text, i));
    if (text[i] === '}') return undefined;
    if (text[i] !== ',') throw new NotJson();
    i = space(text, i + 1);
  }
}

function findItem(text: string, open: number, index: number): number | undefined {
  let i = space(text, open + 1);
  if (text[i] === ']') return undefined;
  for (let n = 0; ; n++) {
    if (n === index) return i;
    i = space(text, skipValue(text, i));
    if (text[i] === ']') return undefined;
    if (text[i] !== ',') throw new NotJson();
    i = space(text, i + 1);
  }
}

function space(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** `text[i]` is an opening quote: the index after its closing one. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; ; ) {
    const q = text.indexOf('"', j);
    if (q === -1) throw new NotJson();
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** The index after the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== '{' && c !== '[') {
    while (i < text.length && !',}] \n\r\t'.includes(text[i] as string)) i++;
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) i = skipString(text, i) - 1;
    else if (ch === 123 || ch === 91) depth++;
    else if ((ch === 125 || ch === 93) && --depth === 0) return i + 1;
  }
  throw new NotJson();
}
