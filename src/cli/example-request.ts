import type { Operation } from '../contract/index.ts';
import type { RequestParts } from '../http/index.ts';
import { UsageError } from './args.ts';

/**
 * The request `railgate sign` signs: the contract's examples, `--param name=value` over them, the body
 * file as is (its exact bytes are what the partner hashes). Header parameters without an example get a
 * visible placeholder, so the output says what a real request would carry there.
 */
export function exampleRequest(op: Operation, params: readonly string[], body: string | undefined): RequestParts {
  const given = new Map<string, string>();
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 1) throw new UsageError(`--param takes name=value (got '${p}')`);
    given.set(p.slice(0, eq), p.slice(eq + 1));
  }
  const parts: RequestParts = { params: {}, query: {}, headers: {} };
  for (const p of op.parameters) {
    const value = given.get(p.name) ?? (p.example === undefined ? undefined : String(p.example));
    if (value === undefined && !p.required) continue;
    if (value === undefined && p.in === 'path') throw new UsageError(`${op.id} needs path parameter '${p.name}': give it with --param ${p.name}=…`);
    const target = p.in === 'path' ? parts.params! : p.in === 'query' ? parts.query! : p.in === 'header' ? parts.headers! : undefined;
    if (target) target[p.in === 'header' ? p.name.toLowerCase() : p.name] = value ?? `<${p.name}>`;
  }
  if (body !== undefined) parts.body = body;
  else if (op.requestBody) {
    const media = op.requestBody.content.find((m) => /json|form/.test(m.contentType)) ?? op.requestBody.content[0];
    const example = media ? Object.values(media.examples)[0] : undefined;
    if (example !== undefined) parts.body = example;
  }
  return parts;
}
