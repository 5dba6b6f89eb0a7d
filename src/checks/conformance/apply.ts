import type { RequestParts } from '../../http/index.ts';
import { getPointer, joinPointer, setPointer, splitPointer } from '../../json/index.ts';
import type { Ancestor, Change } from './cases.ts';

/** A valid value for a body object's schema (a member's parent the generated body left out). */
export type FillAncestor = (ancestor: Ancestor) => unknown;

/**
 * The base request with a case's change made (pure: the base is not touched). A body member is set or removed at
 * its pointer, its missing parents filled first with valid values; a parameter is set or removed by name; a
 * malformed body is the base body's JSON cut short, sent as JSON; another content type keeps the body's text.
 * Undefined when the change has nowhere to go (a body member under a value that is not an object).
 */
export function applyChange(base: RequestParts, change: Change, fill: FillAncestor): RequestParts | undefined {
  const parts: RequestParts = structuredClone({ params: {}, query: {}, headers: {}, ...base });
  switch (change.do) {
    case 'malformed-json': {
      const text = JSON.stringify(parts.body ?? {});
      parts.body = text.slice(0, Math.max(1, text.length - 1));
      parts.headers!['content-type'] = 'application/json';
      return parts;
    }
    case 'content-type':
      parts.body = JSON.stringify(parts.body ?? {});
      parts.headers!['content-type'] = change.value;
      return parts;
    case 'set':
    case 'remove':
      return change.part === 'body' ? changeBody(parts, change, fill) : changeParameter(parts, change);
  }
}

function changeBody(parts: RequestParts, change: Extract<Change, { do: 'set' | 'remove' }>, fill: FillAncestor): RequestParts | undefined {
  if (change.do === 'remove') return removeMember(parts.body, change.name) ? parts : undefined;
  if (typeof parts.body !== 'object' || parts.body === null) parts.body = {};
  for (const ancestor of change.ancestors ?? []) {
    if (getPointer(parts.body, ancestor.pointer) === undefined && !setPointer(parts.body, ancestor.pointer, fill(ancestor))) return undefined;
  }
  const value = change.repeat === undefined ? structuredClone(change.value) : String(change.value).repeat(change.repeat / String(change.value).length);
  return setPointer(parts.body, change.name, value) ? parts : undefined;
}

function changeParameter(parts: RequestParts, change: Extract<Change, { do: 'set' | 'remove' }>): RequestParts {
  const bag = change.part === 'query' ? parts.query! : change.part === 'header' ? parts.headers! : parts.params!;
  if (change.do === 'remove') delete bag[change.name];
  else bag[change.name] = change.value as string;
  return parts;
}

/** Deletes the member a pointer names from a body, in place; false when its parent is not an object. */
export function removeMember(body: unknown, pointer: string): boolean {
  const segs = splitPointer(pointer);
  const parent = getPointer(body, joinPointer('', ...segs.slice(0, -1)));
  if (typeof parent !== 'object' || parent === null || segs.length === 0) return false;
  delete (parent as Record<string, unknown>)[segs.at(-1)!];
  return true;
}
