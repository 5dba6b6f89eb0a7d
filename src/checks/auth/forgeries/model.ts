import type { Operation } from '../../../contract/index.ts';
import type { HttpRequest } from '../../../http/index.ts';
import type { Detection } from '../../../profile/index.ts';
import type { Forge } from '../../../signer/index.ts';
import type { CheckContext } from '../../model.ts';
import { patient } from '../../patience.ts';
import type { Attempt } from '../judge.ts';
import type { SchemeFacts } from '../scheme.ts';

export interface ForgeryInput {
  ctx: CheckContext;
  op: Operation;
  /** The request built from the contract's examples, not yet signed. */
  request: HttpRequest;
  facts: SchemeFacts;
}

/**
 * One way a request can be forged, or one way a good request must get through. Each becomes a check per
 * secured operation it applies to; adding one = one entry in index.ts.
 */
export interface Forgery {
  id: string;
  /** Named in the check and in every failure: "a body changed after signing". */
  title: string;
  /** Undefined when the forgery makes sense for the scheme and operation; else why it does not. */
  skip(facts: SchemeFacts, op: Operation): string | undefined;
  /** What a strict partner detects, or 'accepted' for a request that must get through. */
  expect(facts: SchemeFacts): Detection | 'accepted';
  /** Sends the forged request(s); every attempt is judged against `expect`. */
  run(input: ForgeryInput): Promise<Attempt[]>;
}

/** Signs with the session's signer (optionally forging), sends as is, and keeps what was signed. */
export async function signAndSend(input: ForgeryInput, title: string, options: { forge?: Forge; at?: number; nonce?: string } = {}, after?: (request: HttpRequest) => string | undefined): Promise<Attempt> {
  const { ctx, op, request } = input;
  const signed = await ctx.auth.sign(request, op, options);
  const note = after?.(signed.request);
  const exchange = await ctx.send(signed.request, `${title} → ${op.id}`, patient(ctx));
  return { exchange, ...(signed.trace ? { trace: signed.trace } : {}), ...(note ? { note } : {}) };
}
