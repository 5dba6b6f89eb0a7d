import type { Contract, Operation } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import { collectDocumentedCodes } from '../errors/index.ts';
import type { DocumentedCode, ErrorsSpec, Vocabulary } from '../errors/index.ts';
import { fieldsOf, resolveSchema } from './schema-walk.ts';
import { canonicalForStatus, suggestCanonical } from './suggest-canonical.ts';
import { note, todo } from './model.ts';
import { proposeTriggers } from './propose-triggers.ts';
import type { Note, Section } from './model.ts';

// The field that holds the partner's code, by how often the names mean it.
const CODE_NAMES: Record<string, number> = { code: 5, errorCode: 5, error_code: 5, reason: 3, issue: 3, name: 2, type: 2, errorType: 1 };
const MESSAGE_NAMES = ['message', 'detail', 'description', 'error_description', 'title'];

interface ErrorBody {
  op: Operation;
  status: string;
  schemaPointer: string;
}

function errorBodies(contract: Contract): ErrorBody[] {
  return [...contract.operations.values()].flatMap((op) =>
    op.responses
      .filter((r) => !r.status.startsWith('2'))
      .flatMap((r) => r.content.filter((m) => m.schemaPointer && /json/.test(m.contentType)).map((m) => ({ op, status: r.status, schemaPointer: m.schemaPointer as string }))),
  );
}

/** The pointer most error bodies carry a code at (the most schemas, then the likeliest name, then the shortest). */
function codePointer(contract: Contract, bodies: ErrorBody[]): { code: string; message?: string } | undefined {
  const doc = contract.bundled;
  const counts = new Map<string, { schemas: Set<unknown>; weight: number; message?: string }>();
  for (const b of bodies) {
    const root = resolveSchema(doc, getPointer(doc, b.schemaPointer));
    if (!root) continue;
    const fields = fieldsOf(doc, root);
    for (const f of fields) {
      const weight = CODE_NAMES[f.name];
      if (weight === undefined || (f.schema.type !== undefined && f.schema.type !== 'string' && f.schema.type !== 'integer')) continue;
      const parent = f.pointer.slice(0, f.pointer.lastIndexOf('/'));
      const message = fields.find((m) => MESSAGE_NAMES.includes(m.name) && m.pointer === `${parent}/${m.name}`)?.pointer;
      const entry = counts.get(f.pointer) ?? { schemas: new Set(), weight, ...(message && { message }) };
      entry.schemas.add(root);
      counts.set(f.pointer, entry);
    }
  }
  const best = [...counts].sort(([pa, a], [pb, b]) => b.schemas.size - a.schemas.size || b.weight - a.weight || pa.length - pb.length)[0];
  return best ? { code: best[0], ...(best[1].message && { message: best[1].message }) } : undefined;
}

function statusesOf(code: string, documented: readonly DocumentedCode[]): number[] {
  return [...new Set(documented.flatMap((d) => (d.code === code && d.status !== undefined ? [d.status] : [])))].sort((a, b) => a - b);
}

/**
 * The profile's `errors`: where the code sits, every code the contract documents (schema enums, consts, examples)
 * mapped to a suggested canonical code — each a `TODO confirm` — and `byStatus` for the statuses it documents.
 */
export function inferErrors(contract: Contract, vocabulary: Vocabulary): Section<ErrorsSpec> {
  const bodies = errorBodies(contract);
  if (bodies.length === 0) {
    // A receiver's contract (events only) answers no calls of ours: nothing to tell apart.
    if (contract.operations.size === 0) return { notes: [] };
    return { notes: [], findings: [{ rule: 'error-code-schema', message: 'no operation documents an error response with a JSON body: railgate cannot tell where the partner says what went wrong', pointer: '/paths' }] };
  }
  const at = codePointer(contract, bodies);
  const statuses = [...new Set(bodies.map((b) => b.status))].filter((s) => /^[45]\d\d$/.test(s)).sort();
  const byStatus: Record<string, string> = Object.fromEntries([...statuses.map((s) => [s, canonicalForStatus(s)]), ['4xx', 'VALIDATION_FAILED'], ['5xx', 'PARTNER_UNAVAILABLE']]);
  const notes: Note[] = [todo(['errors', 'byStatus'], 'confirm: error bodies without a mapped code, by the status the contract documents them with')];
  if (!at) {
    const first = bodies[0] as ErrorBody;
    return {
      value: { code: '/code', map: {}, byStatus },
      notes: [...notes, todo(['errors', 'code'], `no error body in the contract has a code field (code, errorCode, error_code …): where does ${contract.title || 'the partner'} say which error it is?`, 'after')],
      findings: [{ rule: 'error-code-schema', message: `no error response schema has a code field (first: ${first.op.id} ${first.status}), so errors cannot be told apart by code`, pointer: first.schemaPointer }],
    };
  }
  const documented = collectDocumentedCodes(contract.bundled, at.code);
  const codes = [...new Set(documented.map((d) => d.code))].sort();
  const map = Object.fromEntries(codes.map((code) => [code, { canonical: suggestCanonical(code, statusesOf(code, documented), vocabulary) }]));
  notes.push(note(['errors', 'code'], `the field most error bodies of the contract carry (${at.code})`, 'after'));
  if (codes.length === 0) notes.push(todo(['errors', 'map'], `the contract lists no values of ${at.code}: add each code the partner answers, mapped to a canonical code (vocabulary/canonical-codes.yaml)`));
  else notes.push(note(['errors', 'map'], `every code the contract documents at ${at.code}, onto the canonical vocabulary (vocabulary/canonical-codes.yaml)`));
  // The most telling evidence of a code: one status's example, else one status's schema, else the shared schema.
  const evidence = (code: string): DocumentedCode | undefined => {
    const hits = documented.filter((d) => d.code === code);
    return hits.find((d) => d.status !== undefined && /example/.test(d.where)) ?? hits.find((d) => d.status !== undefined) ?? hits[0];
  };
  for (const code of codes) {
    const statuses = statusesOf(code, documented);
    notes.push(todo(['errors', 'map', code], `confirm (${statuses.length ? `${statuses.join(', ')}; ` : ''}${evidence(code)?.where ?? ''})`, 'after'));
  }
  // Operations documenting a code, the one with the best evidence first; a `where` starts with the operation's name.
  const operationsOf = (code: string): string[] => [...new Set([evidence(code), ...documented.filter((d) => d.code === code)].flatMap((d) => (d ? [d.where.split(' ')[0] as string] : [])))];
  const proposed = proposeTriggers(contract, codes, operationsOf);
  const triggers = proposed.triggers.map((t) => t.trigger);
  proposed.triggers.forEach((t, i) => notes.push(todo(['errors', 'triggers', i], `confirm: the contract says "${t.said}"`)));
  return { value: { code: at.code, ...(at.message && { message: at.message }), map, byStatus, ...(triggers.length > 0 && { triggers }) }, notes, proposals: proposed.proposals };
}
