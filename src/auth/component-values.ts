/**
 * RFC 9421 §2.1 (HTTP fields) and §2.2 (derived components): the value each covered component
 * contributes to the signature base. Absent components are reported, not thrown (§2.5 step 2.4).
 */
import { componentName, flagParam, stringParam } from './component-id.ts';
import { fieldLines, type HttpMessage } from './http-message.ts';
import { serializeDictionary, serializeList, serializeMember, type Item } from './structured-fields.ts';
import { parseDictionary, parseList } from './structured-fields-parse.ts';

export type ComponentValue = { ok: true; value: string } | { ok: false; reason: string };

const ok = (value: string): ComponentValue => ({ ok: true, value });
const missing = (reason: string): ComponentValue => ({ ok: false, reason });

/**
 * §2.2.8: names and values are decoded as application/x-www-form-urlencoded, then re-encoded with
 * "percent-encode after encoding" and that set (only ASCII alphanumerics and *-._ stay literal).
 * Space becomes %20, not "+", as in the RFC's own example (`with%20plus%20whitespace`).
 */
export function encodeQueryComponent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function parseUrl(message: HttpMessage): URL | undefined {
  try {
    return new URL(message.url);
  } catch {
    return undefined;
  }
}

function queryParam(url: URL, name: string | undefined): ComponentValue {
  if (name === undefined) return missing('@query-param needs a name parameter');
  const values: string[] = [];
  for (const [key, value] of new URLSearchParams(url.search)) {
    if (encodeQueryComponent(key) === name) values.push(encodeQueryComponent(value));
  }
  const [only, ...more] = values;
  if (only === undefined) return missing(`query parameter "${name}" is absent`);
  // §2.2.8: a parameter that occurs more than once cannot be signed individually; sign @query.
  if (more.length > 0) return missing(`query parameter "${name}" occurs ${values.length} times`);
  return ok(only);
}

function derived(message: HttpMessage, id: Item, name: string): ComponentValue {
  if (name === '@status') {
    const status = message.status;
    if (status === undefined || !Number.isInteger(status) || status < 100 || status > 999) {
      return missing('@status is only defined for a response');
    }
    return ok(String(status));
  }
  // §2.2: the remaining derived components describe a request; a response names them with ;req.
  if (message.status !== undefined) return missing(`${name} on a response needs the ;req parameter`);
  const url = parseUrl(message);
  if (url === undefined) return missing(`the message URL is not an absolute URI: ${message.url}`);
  switch (name) {
    case '@method':
      return ok(message.method);
    case '@target-uri':
      return ok(url.href);
    case '@authority':
      // §2.2.3: lower case, default port omitted; WHATWG URL's host does both.
      return ok(url.host);
    case '@scheme':
      return ok(url.protocol.slice(0, -1));
    case '@request-target':
      return ok(url.pathname + url.search);
    case '@path':
      return ok(url.pathname === '' ? '/' : url.pathname);
    case '@query':
      // §2.2.7: an absent (or empty) query is the lone "?".
      return ok(url.search === '' ? '?' : url.search);
    case '@query-param':
      return queryParam(url, stringParam(id, 'name'));
    default:
      return missing(`unknown derived component ${name}`);
  }
}

/** §2.1.1: re-serialise strictly; the field type is unknown here, so Dictionary is tried before List. */
function strictSerialisation(value: string): ComponentValue {
  const dict = parseDictionary(value);
  if (dict.ok) return ok(serializeDictionary(dict.value));
  const list = parseList(value);
  if (list.ok) return ok(serializeList(list.value));
  return missing(`field is not a structured field: ${list.reason}`);
}

function field(message: HttpMessage, id: Item, name: string): ComponentValue {
  if (flagParam(id, 'tr')) return missing(`trailer fields are not supported (${name};tr)`);
  const lines = fieldLines(message.headers, name);
  if (lines.length === 0) return missing(`header field "${name}" is absent`);
  if (flagParam(id, 'bs')) {
    if (flagParam(id, 'sf') || id.params.has('key')) return missing('bs cannot be combined with sf or key');
    // §2.1.3: each field line on its own, as a Byte Sequence of its bytes.
    return ok(lines.map((line) => `:${Buffer.from(line, 'utf8').toString('base64')}:`).join(', '));
  }
  const combined = lines.join(', ');
  const key = stringParam(id, 'key');
  if (key !== undefined) {
    // §2.1.2: the named member of a Dictionary field, serialised on its own.
    const dict = parseDictionary(combined);
    if (!dict.ok) return missing(`field "${name}" is not a dictionary: ${dict.reason}`);
    const member = dict.value.get(key);
    if (member === undefined) return missing(`dictionary field "${name}" has no member "${key}"`);
    return ok(serializeMember(member));
  }
  if (flagParam(id, 'sf')) return strictSerialisation(combined);
  return ok(combined);
}

/** The component value of `id` in `message`, following `;req` to the request a response answers. */
export function componentValue(message: HttpMessage, id: Item): ComponentValue {
  let source = message;
  if (flagParam(id, 'req')) {
    if (message.request === undefined) return missing(';req used but the message carries no request');
    source = message.request;
  }
  const name = componentName(id);
  if (name === '@signature-params') return missing('@signature-params cannot be a covered component');
  return name.startsWith('@') ? derived(source, id, name) : field(source, id, name);
}
