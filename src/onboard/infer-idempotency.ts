import type { Contract, Operation } from '../contract/index.ts';
import type { IdempotencyAnswer, IdempotencySpec } from '../idempotency/model.ts';
import { DEFAULT_ANSWERS } from '../idempotency/resolve.ts';
import { documentedErrorStatus } from '../simulator/error-status.ts';
import { requestBodySchema } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import { fieldsOf, resolveSchema } from './schema-walk.ts';
import { note, todo } from './model.ts';
import type { Note, OnboardFinding, Section } from './model.ts';

const IDEMPOTENCY = /idempoten/i;
// PayPal's PayPal-Request-Id, and others': a request id on a mutating call is its idempotency key.
const REQUEST_ID = /(^|-)request-id$/i;

/**
 * The profile's `idempotency`: the header the contract's mutating operations document (Idempotency-Key, PayPal's
 * PayPal-Request-Id …) and the operations that take it. Each mutating operation without it is a finding.
 */
export function inferIdempotency(contract: Contract): Section<IdempotencySpec> {
  const mutating = [...contract.operations.values()].filter((op) => op.mutating);
  const headers = mutating.flatMap((op) => op.parameters.filter((p) => p.in === 'header').map((p) => p.name));
  const header = headers.find((h) => IDEMPOTENCY.test(h)) ?? headers.find((h) => REQUEST_ID.test(h));
  const takes = (op: (typeof mutating)[number]): boolean => op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === header?.toLowerCase());
  const findings: OnboardFinding[] = mutating
    .filter((op) => !header || !takes(op))
    .map((op) => {
      // Square carries the key in the body (`idempotency_key`): the retry is safe, but railgate's idempotency checks send a header.
      const inBody = bodyKey(contract, op);
      // Only a create pays: a PATCH or DELETE retried is applied twice, which is not always money.
      const twice = op.method === 'post' ? 'may pay twice' : `may apply the ${op.method.toUpperCase()} twice`;
      const why = inBody ? `its key travels in the body (${inBody}), which railgate's idempotency checks do not send` : `a retry after a timeout ${twice}`;
      return { rule: 'idempotency-header' as const, message: `${op.id} (${op.method.toUpperCase()} ${op.path}) documents no ${header ?? 'idempotency'} header: ${why}`, pointer: op.pointer };
    });
  if (!header) return { notes: [], findings };
  const operations = mutating.filter(takes).map((op) => op.id);
  const param = mutating.filter(takes)[0]?.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === header.toLowerCase());
  const schema = param?.schemaPointer ? (getPointer(contract.bundled, param.schemaPointer) as Record<string, unknown> | undefined) : undefined;
  // railgate's keys are UUIDs: a pattern they break would make every generated key a profile mistake.
  const pattern = typeof schema?.pattern === 'string' && acceptsUuid(schema.pattern) ? schema.pattern : undefined;
  const answers = documentedAnswers(mutating.filter(takes));
  const spec: IdempotencySpec = { header, operations, ...(pattern && { key: { format: 'uuid', pattern } }), ...(answers.value && { answers: answers.value }) };
  return { value: spec, notes: [note(['idempotency'], `the header ${operations.length} mutating operation${operations.length === 1 ? '' : 's'} of the contract document`), ...answers.notes], findings };
}

const ANSWER_WORDS: Record<keyof typeof DEFAULT_ANSWERS, string> = { missingKey: 'a request without the key', mismatch: 'a key reused with another body', inFlight: 'a duplicate while the first is processed' };

/**
 * The statuses of the idempotency answers, where the contract does not document railgate's defaults (400 for a
 * missing key, 422 for a mismatch, 409 in flight): the documented status nearest to the default that every
 * idempotent operation documents — the one the simulator of the contract answers with — with a TODO. A default no
 * operation can give would judge the partner by railgate's guess: the partner's documented answer would fail it.
 */
function documentedAnswers(ops: readonly Operation[]): { value?: NonNullable<IdempotencySpec['answers']>; notes: Note[] } {
  const value: Record<string, IdempotencyAnswer> = {};
  const notes: Note[] = [];
  for (const kind of Object.keys(DEFAULT_ANSWERS) as Array<keyof typeof DEFAULT_ANSWERS>) {
    const wanted = DEFAULT_ANSWERS[kind].status;
    const chosen = ops.map((op) => documentedErrorStatus(op, wanted));
    const statuses = new Set(chosen.map((c) => ('status' in c ? c.status : undefined)));
    if (statuses.size === 1 && statuses.has(wanted)) continue;
    const [only] = [...statuses];
    if (statuses.size === 1 && only !== undefined) {
      value[kind] = { status: only };
      notes.push(todo(['idempotency', 'answers', kind], `confirm: ${ANSWER_WORDS[kind]} is answered ${wanted} by default, which the contract does not document for ${ops.map((o) => o.id).join(', ')}; ${only} is the nearest status it documents`, 'after'));
    } else {
      // Grouped by what each operation documents nearest to the default: a bare `op: 422` read as if 422 were the expected answer.
      const groups = new Map<number | undefined, string[]>();
      ops.forEach((op, i) => {
        const c = chosen[i]!;
        const s = 'status' in c ? c.status : undefined;
        groups.set(s, [...(groups.get(s) ?? []), op.id]);
      });
      const said = [...groups].map(([s, ids]) => `${s === undefined ? 'no status that fits' : s === wanted ? `${s}` : `${s} instead`}: ${ids.join(', ')}`).join('; ');
      notes.push(todo(['idempotency'], `${ANSWER_WORDS[kind]} is expected with ${wanted}, which not every idempotent operation documents (${said}): add answers.${kind}`));
    }
  }
  return { ...(Object.keys(value).length > 0 && { value }), notes };
}

function acceptsUuid(pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').test('123e4567-e89b-42d3-a456-426614174000');
  } catch {
    return false;
  }
}

/** A top-level request body field named like an idempotency key, as a JSON Pointer. */
function bodyKey(contract: Contract, op: Operation): string | undefined {
  const pointer = requestBodySchema(op);
  if (!pointer) return undefined;
  return fieldsOf(contract.bundled, resolveSchema(contract.bundled, getPointer(contract.bundled, pointer)), 1).find((f) => /^idempotency[_-]?key$/i.test(f.name))?.pointer;
}
