import { getResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { Partner } from '../partner/index.ts';

/**
 * Compiles every request validator and runs msw's matcher once before the first real request. A cold
 * first request takes ~100 ms here, which a scaled run (a 10 s timeout becomes 100 ms) reads as a timeout.
 */
export async function warmUp(partner: Partner, handlers: HttpHandler[]): Promise<void> {
  for (const op of partner.contract.operations.values()) {
    for (const p of op.parameters) if (p.schemaPointer) partner.validators.validate(p.schemaPointer, undefined);
    for (const m of op.requestBody?.content ?? []) if (m.schemaPointer) partner.validators.validate(m.schemaPointer, undefined);
    for (const r of op.responses) for (const m of r.content) if (m.schemaPointer) partner.validators.validate(m.schemaPointer, undefined);
  }
  await getResponse(handlers, new Request('http://railgate.invalid/__warm-up__'));
}
