import type { Contract, SchemaValidators } from '../contract/index.ts';
import { escapePointer, getPointer } from '../json/index.ts';

/** A webhook payload schema of the contract: where it sits, and the event types its `type` enum names. */
export interface PayloadSchema {
  pointer: string;
  types: string[];
}

/**
 * The request-body schemas of the contract's webhooks (OpenAPI 3.1 `webhooks`) and callbacks (3.0 and
 * 3.1, under each operation), as pointers into the bundled document (pure).
 */
export function webhookPayloadSchemas(contract: Contract): PayloadSchema[] {
  const doc = contract.bundled;
  const found: PayloadSchema[] = [];
  const visitPathItem = (item: unknown, at: string): void => {
    for (const method of ['post', 'put']) {
      const content = getPointer(item, `/${method}/requestBody/content`);
      if (!content || typeof content !== 'object') continue;
      for (const media of Object.keys(content)) {
        if (!/json/.test(media)) continue;
        const pointer = `${at}/${method}/requestBody/content/${escapePointer(media)}/schema`;
        if (getPointer(doc, pointer) !== undefined) found.push({ pointer, types: enumOfType(getPointer(doc, pointer)) });
      }
    }
  };
  for (const [name, item] of Object.entries((doc.webhooks as Record<string, unknown> | undefined) ?? {})) visitPathItem(item, `/webhooks/${escapePointer(name)}`);
  for (const [path, item] of Object.entries((doc.paths as Record<string, unknown> | undefined) ?? {})) {
    for (const [method, op] of Object.entries((item as Record<string, unknown>) ?? {})) {
      const callbacks = getPointer(op, '/callbacks') as Record<string, Record<string, unknown>> | undefined;
      for (const [cb, expressions] of Object.entries(callbacks ?? {})) {
        for (const [expr, cbItem] of Object.entries(expressions ?? {})) visitPathItem(cbItem, `/paths/${escapePointer(path)}/${method}/callbacks/${escapePointer(cb)}/${escapePointer(expr)}`);
      }
    }
  }
  return found;
}

/** Issues of a payload against the schema its event type selects (else against each, the fewest kept). */
export function checkPayload(validators: SchemaValidators, schemas: readonly PayloadSchema[], payload: unknown, type: string | undefined): string[] {
  if (schemas.length === 0) return [];
  const typed = schemas.filter((s) => type !== undefined && s.types.includes(type));
  const candidates = typed.length > 0 ? typed : schemas;
  let best: string[] | undefined;
  for (const s of candidates) {
    const issues = validators.validate(s.pointer, payload).map((i) => `${i.at} ${i.message}`);
    if (issues.length === 0) return [];
    if (!best || issues.length < best.length) best = issues;
  }
  return best ?? [];
}

function enumOfType(schema: unknown): string[] {
  const e = getPointer(schema, '/properties/type/enum') ?? getPointer(schema, '/properties/type/const');
  return Array.isArray(e) ? e.map(String) : typeof e === 'string' ? [e] : [];
}
