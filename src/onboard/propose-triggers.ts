import { requestBodySchema } from '../contract/index.ts';
import type { Contract, Operation } from '../contract/index.ts';
import type { ErrorTrigger } from '../errors/index.ts';
import { getPointer } from '../json/index.ts';
import { fieldsOf, resolveSchema, typeOf } from './schema-walk.ts';

// A value a sandbox reacts to, as descriptions write them: `quoted`, a card or an amount, a magic id or reference, an address.
const MAGIC = /`([^`]{3,80})`|\b(\d{4}(?: \d{4}){2,3}|\d{6,})\b|\b([A-Za-z]+_[A-Z0-9]{6,}|MAGIC[-_][A-Z0-9-]+)\b|\b([\w.+-]+@[\w-]+\.[\w.]+\w)\b/g;

/** Where a magic value goes, by what it looks like: the request field whose name and type fit it. */
const PLACES: ReadonlyArray<{ looks: RegExp; field: RegExp; type: string; value: (v: string) => unknown }> = [
  { looks: /^\d{4}( ?\d{4}){2,3}$/, field: /^(number|pan|card_?number|cardNumber)$/, type: 'string', value: (v) => v.replace(/ /g, '') },
  { looks: /^\d{1,11}$/, field: /^(amount|value|amount_minor|amountMinor)$/, type: 'integer', value: Number },
  { looks: /@/, field: /email|key|alias|proxy|pix/i, type: 'string', value: (v) => v },
  { looks: /^MAGIC|^[A-Z0-9-]{8,}$/, field: /^(reference|merchantReference|description|ref)$/, type: 'string', value: (v) => v },
];

export interface ProposedTriggers {
  /** Triggers whose field was found: active, each with a TODO to confirm. */
  triggers: Array<{ trigger: ErrorTrigger; said: string }>;
  /** Commented-out lines for the rest: the sentence, the value, the operation. */
  proposals: string[];
}

function descriptions(contract: Contract): string[] {
  const info = contract.bundled.info as Record<string, unknown> | undefined;
  const ops = [...contract.operations.values()].map((op) => (getPointer(contract.bundled, op.pointer) as Record<string, unknown> | undefined)?.description);
  return [info?.description, ...ops].filter((d): d is string => typeof d === 'string');
}

/** The request field (nested objects only) a value of this look belongs in, as a body fragment. */
function bodyFor(contract: Contract, op: Operation, raw: string): Record<string, unknown> | undefined {
  const place = PLACES.find((p) => p.looks.test(raw));
  const pointer = requestBodySchema(op);
  if (!place || !pointer) return undefined;
  const field = fieldsOf(contract.bundled, resolveSchema(contract.bundled, getPointer(contract.bundled, pointer)), 3).find((f) => place.field.test(f.name) && typeOf(f.schema) === place.type && !/\/\d+(\/|$)/.test(f.pointer));
  if (!field) return undefined;
  const keys = field.pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys.reduceRight<Record<string, unknown>>((inner, key, i) => (i === keys.length - 1 ? { [key]: place.value(raw) } : { [key]: inner }), {});
}

/**
 * Sandbox magic values the contract's descriptions name beside a documented code ("an authorization of 99999999
 * exceeds the limit (INVALID_AMOUNT)"). Placed in a request field of an operation documenting the code when one
 * fits the value (an amount, a card number, an address, a reference), else a commented-out proposal: which field
 * carries a value, a sentence does not always say. `operationsOf` names the operations documenting a code.
 */
export function proposeTriggers(contract: Contract, codes: readonly string[], operationsOf: (code: string) => string[]): ProposedTriggers {
  const out: ProposedTriggers = { triggers: [], proposals: [] };
  const seen = new Set<string>();
  for (const text of descriptions(contract)) {
    for (const sentence of text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+/)) {
      const code = codes.find((c) => c.length > 2 && new RegExp(`\\b${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(sentence));
      if (!code) continue;
      const raw = [...sentence.matchAll(MAGIC)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim()).find((v) => v && v !== code);
      if (!raw || seen.has(`${code}\u0000${raw}`)) continue;
      seen.add(`${code}\u0000${raw}`);
      const said = sentence.trim().slice(0, 160);
      const ops = operationsOf(code).flatMap((id) => contract.operations.get(id) ?? []);
      const placed = ops.flatMap((op) => {
        const body = bodyFor(contract, op, raw);
        return body ? [{ trigger: { code, operation: op.id, body }, said }] : [];
      })[0];
      if (placed) out.triggers.push(placed);
      else {
        out.proposals.push(`TODO trigger for ${code}: the contract says "${said}" — which field carries ${raw}?`);
        out.proposals.push(`  - { code: ${code}, operation: ${ops[0]?.id ?? '<operationId>'}, body: { <field>: ${JSON.stringify(/^\d+$/.test(raw) ? Number(raw) : raw)} } }`);
      }
    }
  }
  if (out.proposals.length > 0) out.proposals.unshift("errors.triggers proposed from the contract's sandbox magic values (under errors: triggers:, uncommented):");
  return out;
}
