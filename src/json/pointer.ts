/** RFC 6901 JSON Pointer helpers. */
export function escapePointer(segment: string): string {
  // Most segments have nothing to escape: checked first, as every answer's every field is joined here.
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((s) => '/' + escapePointer(String(s))).join('');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  const segments = p.slice(1).split('/');
  return p.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}

export function getPointer(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const seg of splitPointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Sets a value at a pointer, creating objects along the way; returns false when a step is not an object. */
export function setPointer(doc: unknown, pointer: string, value: unknown): boolean {
  const segs = splitPointer(pointer);
  if (segs.length === 0) return false;
  let cur = doc as Record<string, unknown>;
  for (const seg of segs.slice(0, -1)) {
    if (cur[seg] === undefined) cur[seg] = {};
    const next = cur[seg];
    if (next === null || typeof next !== 'object') return false;
    cur = next as Record<string, unknown>;
  }
  cur[segs[segs.length - 1] as string] = value;
  return true;
}

/** Accepts a JSON Pointer (`/error/code`) or a dotted path (`error.code`) and gives the pointer. */
export function toPointer(pathOrPointer: string): string {
  if (pathOrPointer === '' || pathOrPointer.startsWith('/')) return pathOrPointer;
  return '/' + pathOrPointer.split('.').map(escapePointer).join('/');
}
