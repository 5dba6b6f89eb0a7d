import type { Operation } from '../../contract/index.ts';
import type { RequestParts } from '../../http/index.ts';
import { mergeOver } from '../../json/index.ts';
import { applyPin, generateRequest, idInAnswer, idSourcesOf, unmetPart } from '../../requests/index.ts';
import type { Partner } from '../../partner/index.ts';
import type { CheckContext } from '../model.ts';
import { patient } from '../patience.ts';

/** How many creates deep a probe goes for the ids of its path (a capture of a payment of a customer …). */
const MAX_NESTING = 4;

/**
 * A request for an operation: the contract's examples where they validate, the rest generated from its schemas
 * with the run's seed (src/requests), the profile's `requests` pins over it, a fresh idempotency key. A path
 * parameter carries the id of a resource the probe creates first through the contract's create for it (a
 * transaction through its profile create, a link, else the POST on the path before the parameter), or the
 * fixture id the simulator holds when the contract has no such create.
 * `over` replaces parts of it (an error trigger's magic values): its path params spare the creates, its query
 * and headers win, its body is merged over the body.
 * Returns undefined (with the reason) when no valid value can be made for a required part.
 */
export function probeParts(ctx: CheckContext, op: Operation, over: RequestParts = {}): Promise<{ parts?: RequestParts; skip?: string }> {
  return probeWithin(ctx, op, over, []);
}

async function probeWithin(ctx: CheckContext, op: Operation, over: RequestParts, making: readonly string[]): Promise<{ parts?: RequestParts; skip?: string }> {
  const { contract, validators, profile } = ctx.partner;
  const generated = generateRequest({ contract, validators, seed: ctx.seed }, op);
  const pin = profile.requests?.[op.id];
  const parts = applyPin(generated.parts, pin);
  Object.assign(parts.params!, over.params);
  Object.assign(parts.query!, over.query);
  for (const [name, value] of Object.entries(over.headers ?? {})) parts.headers![name.toLowerCase()] = value;
  if (over.body !== undefined) parts.body = mergeOver(parts.body, over.body);
  const unmet = unmetPart(generated.missing, parts);
  if (unmet) return { skip: unmet };
  const idem = profile.idempotency;
  const idemHeader = idem?.header.toLowerCase();
  if (idem && idemHeader && idem.operations.includes(op.id) && op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === idemHeader) && !isGiven(over.headers, idemHeader)) {
    parts.headers![idemHeader] = ctx.rng.uuid();
  }
  const given = new Set([...Object.keys(over.params ?? {}), ...Object.keys(pin?.params ?? {})]);
  for (const source of idSourcesOf(contract, profile.transactions ?? {}, op)) {
    if (given.has(source.param) || making.includes(source.create.id) || making.length >= MAX_NESTING) continue;
    const made = await probeWithin(ctx, source.create, {}, [...making, op.id]);
    if (!made.parts) continue;
    const ex = await ctx.call(source.create.id, made.parts, `create a ${source.create.id} resource for ${op.id}'s ${source.param}`, patient(ctx));
    const id = idInAnswer(ex.response?.body, source);
    if (id === undefined) continue;
    parts.params![source.param] = id;
    given.add(source.param);
    // The create's own path ids (the payment a capture was made on) are the ones this operation's path goes on with.
    for (const [name, value] of Object.entries(made.parts.params ?? {})) {
      if (!given.has(name) && name in parts.params!) {
        parts.params![name] = value;
        given.add(name);
      }
    }
  }
  return { parts };
}

/** A header `over` supplies (names compare case-insensitively). */
function isGiven(headers: Record<string, string> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((h) => h.toLowerCase() === name);
}

/**
 * Whether a probe of the operation creates a resource first (a read of a payout creates the payout it reads), its
 * path ids not pinned by the profile's `requests`: a real transaction made at the partner, as by a create, so the
 * check that probes it is destructive (refused against production).
 */
export function probeCreates(partner: Pick<Partner, 'contract' | 'profile'>, op: Operation): boolean {
  const pinned = partner.profile.requests?.[op.id]?.params ?? {};
  return idSourcesOf(partner.contract, partner.profile.transactions ?? {}, op).some((s) => !(s.param in pinned));
}
