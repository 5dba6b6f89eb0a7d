/**
 * The view of an HTTP message that signing and verification work on: enough to derive RFC 9421
 * components, free of any HTTP client's types.
 */
import type { Bytes } from './bytes.ts';

export interface HttpMessage {
  method: string;
  /** Absolute target URI, e.g. `https://example.com/foo?param=Value`. */
  url: string;
  /** Field names in any case; two keys differing only in case, or an array, are several field lines. */
  headers: Record<string, string | readonly string[]>;
  body?: Bytes;
  /** Set on a response; a response's method and url are those of the request it answers. */
  status?: number;
  /** For a response: the request it answers, for components flagged `;req` (RFC 9421 §2.4). */
  request?: HttpMessage;
}

/**
 * RFC 9421 §2.1: each field line value with obsolete line folding replaced by a space and leading
 * and trailing whitespace removed, in the order given. Empty when the field is absent.
 */
export function fieldLines(headers: HttpMessage['headers'], name: string): string[] {
  const wanted = name.toLowerCase();
  const lines: string[] = [];
  for (const key in headers) {
    // Length first: lower-casing every header name for every field asked for is most of a verification's cost.
    if (key.length !== wanted.length || (key !== wanted && key.toLowerCase() !== wanted)) continue;
    pushLines(lines, headers[key]!);
  }
  return lines;
}

function pushLines(lines: string[], value: string | readonly string[]): void {
  for (const line of typeof value === 'string' ? [value] : value) lines.push(oneLine(line));
}

function oneLine(line: string): string {
  return (line.includes('\n') ? line.replace(/\r?\n[ \t]+/g, ' ') : line).trim();
}

/** The combined field value (RFC 9110 §5.3: lines joined with ", "), or undefined if absent. */
export function fieldValue(headers: HttpMessage['headers'], name: string): string | undefined {
  return combined(fieldLines(headers, name));
}

function combined(lines: readonly string[]): string | undefined {
  return lines.length === 0 ? undefined : lines.join(', ');
}

/** Values of one field name under several keys (names differing in case), in the headers' order. */
class Several {
  constructor(readonly values: Array<string | readonly string[]>) {}
}

/**
 * fieldValue for one message asked for many fields (a verification): the names are lower-cased once, not once per
 * field asked. The headers must not change while it is used.
 */
export function fieldIndex(headers: HttpMessage['headers']): (name: string) => string | undefined {
  const byName = new Map<string, string | readonly string[] | Several>();
  for (const key in headers) {
    const lower = key.toLowerCase();
    const value = headers[key]!;
    const before = byName.get(lower);
    // A value of neither kind (a caller's mistake) fails when asked for, as fieldValue fails, not before.
    if (before === undefined) byName.set(lower, typeof value === 'string' || Array.isArray(value) ? value : new Several([value]));
    else if (before instanceof Several) before.values.push(value);
    else byName.set(lower, new Several([before, value]));
  }
  return (name) => {
    const value = byName.get(name.toLowerCase());
    if (value === undefined) return undefined;
    if (typeof value === 'string') return oneLine(value);
    const lines: string[] = [];
    for (const v of value instanceof Several ? value.values : [value]) pushLines(lines, v);
    return combined(lines);
  };
}

/**
 * fieldValue for headers whose names are all lower-case already (a Node server's `req.headers`): a field is read
 * by its own key, with no name lower-cased but the one asked for.
 */
export function lowerCaseFields(headers: HttpMessage['headers']): (name: string) => string | undefined {
  return (name) => {
    const key = name.toLowerCase();
    if (!Object.hasOwn(headers, key)) return undefined;
    const value = headers[key]!;
    if (typeof value === 'string') return oneLine(value);
    const lines: string[] = [];
    pushLines(lines, value);
    return combined(lines);
  };
}
