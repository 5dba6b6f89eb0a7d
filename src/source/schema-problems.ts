import type { ErrorObject } from 'ajv';
import type { LocatedDocument } from './located-yaml.ts';
import type { InputProblem } from './input-error.ts';
import { closest } from './closest.ts';

/**
 * Turns ajv errors into located problems users can act on. With `allErrors`, ajv reports a parent's
 * `oneOf`/`anyOf` failure beside its children's; the deepest error says what to fix, so parents go.
 */
export function schemaProblems(doc: LocatedDocument, errors: ErrorObject[]): InputProblem[] {
  const seen = new Set<string>();
  const out: InputProblem[] = [];
  const paths = errors.map((e) => e.instancePath);
  // A failed oneOf/anyOf whose alternatives all failed at the same place reads best as one sentence.
  const alternatives = errors.filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && !paths.some((p) => p.startsWith(e.instancePath + '/')));
  const isAlternativeOf = (e: ErrorObject): boolean => alternatives.some((a) => a !== e && e.instancePath === a.instancePath && e.schemaPath.startsWith(a.schemaPath + '/'));
  for (const e of errors) {
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') && paths.some((p) => p.startsWith(e.instancePath + '/'))) continue;
    // A failed `then` (a conditional `required`, as in webhooks) comes with the error that says what is missing.
    if (e.keyword === 'if' && errors.some((o) => o !== e && o.keyword !== 'if' && o.instancePath === e.instancePath)) continue;
    if (isAlternativeOf(e)) continue;
    const path = pointerToPath(e.instancePath);
    let problem: InputProblem;
    if (alternatives.includes(e)) {
      const description = (e.parentSchema as { description?: string } | undefined)?.description;
      const options = errors.filter((o) => o !== e && o.instancePath === e.instancePath && o.schemaPath.startsWith(e.schemaPath + '/')).map((o) => o.message ?? '');
      problem = doc.problem(path, description ? `must be ${lowerFirst(description)}` : `must satisfy one of: ${options.join('; ')}`);
    } else if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = allowedKeys(e);
      const hint = closest(key, allowed);
      problem = doc.problem([...path, key], `unknown key${hint ? ` (did you mean '${hint}'?)` : ''}`, 'key');
    } else if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      problem = doc.problem(path, `missing required key '${missing}'`);
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      problem = doc.problem(path, `must be one of: ${allowed.map((v) => String(v)).join(', ')}`);
    } else if (e.keyword === 'type') {
      problem = doc.problem(path, `must be ${article(String((e.params as { type: string }).type))}`);
    } else {
      problem = doc.problem(path, e.message ?? 'is invalid');
    }
    const k = `${problem.line}:${problem.col}:${problem.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(problem);
    }
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
