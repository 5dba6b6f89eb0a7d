import type { ErrorObject } from 'ajv';
import type { LocatedDocument } from './located-yaml.ts';
import type { InputProblem } from './input-error.ts';
import { closest } from './closest.ts';
import { MAX_PROBLEMS_PER_FILE } from './limits.ts';

/**
 * Turns ajv errors into located problems users can act on. With `allErrors`, ajv reports a parent's
 * `oneOf`/`anyOf` failure beside its children's; the deepest error says what to fix, so parents go.
 * Linear in the number of errors (a wrong file can hold a million unknown keys), and at most
 * MAX_PROBLEMS_PER_FILE are located: then a count of the rest.
 */
export function schemaProblems(doc: LocatedDocument, errors: ErrorObject[]): InputProblem[] {
  const seen = new Set<string>();
  const out: InputProblem[] = [];
  const byPath = groupBy(errors, (e) => e.instancePath);
  const hasDeeper = ancestorsOf(errors.map((e) => e.instancePath));
  // A failed oneOf/anyOf whose alternatives all failed at the same place reads best as one sentence.
  const isAlternatives = (e: ErrorObject): boolean => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && !hasDeeper.has(e.instancePath);
  const alternatives = groupBy(errors.filter(isAlternatives), (e) => e.instancePath);
  const isAlternativeOf = (e: ErrorObject): boolean => (alternatives.get(e.instancePath) ?? []).some((a) => a !== e && e.schemaPath.startsWith(a.schemaPath + '/'));
  let untold = 0;
  for (const e of errors) {
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') && hasDeeper.has(e.instancePath)) continue;
    // A failed `then` (a conditional `required`, as in webhooks) comes with the error that says what is missing.
    if (e.keyword === 'if' && (byPath.get(e.instancePath) ?? []).some((o) => o !== e && o.keyword !== 'if')) continue;
    if (isAlternativeOf(e)) continue;
    if (out.length >= MAX_PROBLEMS_PER_FILE) {
      untold++;
      continue;
    }
    const problem = locatedProblem(doc, e, isAlternatives(e) ? (byPath.get(e.instancePath) ?? []).filter((o) => o !== e && o.schemaPath.startsWith(e.schemaPath + '/')) : undefined);
    const k = `${problem.line}:${problem.col}:${problem.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(problem);
    }
  }
  if (untold > 0) out.push({ file: doc.file, line: 1, col: 1, path: '', message: `${untold} more problem${untold > 1 ? 's' : ''} not shown: is this the right file?` });
  return out;
}

/** One ajv error in words; `options` are the failed alternatives of a oneOf/anyOf. */
function locatedProblem(doc: LocatedDocument, e: ErrorObject, options: ErrorObject[] | undefined): InputProblem {
  const path = pointerToPath(e.instancePath);
  if (options) {
    const description = (e.parentSchema as { description?: string } | undefined)?.description;
    return doc.problem(path, description ? `must be ${lowerFirst(description)}` : `must satisfy one of: ${options.map((o) => o.message ?? '').join('; ')}`);
  }
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    const hint = closest(key, allowedKeys(e));
    return doc.problem([...path, key], `unknown key${hint ? ` (did you mean '${hint}'?)` : ''}`, 'key');
  }
  if (e.keyword === 'required') return doc.problem(path, `missing required key '${String((e.params as { missingProperty: string }).missingProperty)}'`);
  if (e.keyword === 'enum') return doc.problem(path, `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => String(v)).join(', ')}`);
  if (e.keyword === 'type') return doc.problem(path, `must be ${article(String((e.params as { type: string }).type))}`);
  return doc.problem(path, e.message ?? 'is invalid');
}

/** Every pointer that some other pointer lies below: `/a` for `/a/b`, and the root for any. */
function ancestorsOf(pointers: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of pointers) {
    if (p === '') continue;
    out.add('');
    for (let i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) out.add(p.slice(0, i));
  }
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}

function allowedKeys(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

function article(type: string): string {
  const t = type.replace(/,/g, ' or ');
  if (t === 'array' || t === 'object' || t === 'integer') return `an ${t}`;
  return `a ${t}`;
}

/** RFC 6901 pointer to key path; numeric segments become indexes. */
export function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
