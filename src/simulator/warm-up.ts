import type { Partner } from '../partner/index.ts';

/**
 * Compiles every request and answer validator once before the first real request. A cold first request takes
 * ~100 ms here, which a scaled run (a 10 s timeout becomes 100 ms) reads as a timeout.
 */
export function warmUp(partner: Partner): void {
  for (const op of partner.contract.operations.values()) {
    for (const p of op.parameters) if (p.schemaPointer) partner.validators.validate(p.schemaPointer, undefined);
    for (const m of op.requestBody?.content ?? []) if (m.schemaPointer) partner.validators.validate(m.schemaPointer, undefined);
    for (const r of op.responses) for (const m of r.content) if (m.schemaPointer) partner.validators.validate(m.schemaPointer, undefined);
  }
}
