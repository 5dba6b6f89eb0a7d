import { requestExample } from '../../contract/index.ts';
import type { Operation } from '../../contract/index.ts';
import type { RequestParts } from '../../http/index.ts';
import { getPointer, mergeOver } from '../../json/index.ts';
import type { CheckContext } from '../model.ts';
import { patient } from '../patience.ts';

/**
 * A request for an operation built from the contract alone: its request example, parameter examples,
 * a fresh idempotency key. A read first creates what it reads (a transaction through its create, another
 * resource through the POST on its collection), so the probe reads a real resource.
 * `over` replaces parts of it (an error trigger's magic values): its path params spare the create, its
 * query and headers win, its body is merged over the example.
 * Returns undefined (with the reason) when the contract does not give enough to build one.
 */
export async function probeParts(ctx: CheckContext, op: Operation, over: RequestParts = {}): Promise<{ parts?: RequestParts; skip?: string }> {
  const parts: RequestParts = { params: { ...over.params }, query: {}, headers: {} };
  const source = over.params === undefined ? creatorOf(ctx, op) : undefined;
  if (source) {
    const made = await probeParts(ctx, source.create);
    if (made.parts) {
      const ex = await ctx.call(source.create.id, made.parts, `create a ${source.create.id} resource to read`, patient(ctx));
      const id = getPointer(ex.response?.body, source.idPointer);
      if (typeof id === 'string' || typeof id === 'number') parts.params![source.idParam] = id;
    }
  }
  const idem = ctx.partner.profile.idempotency;
  for (const p of op.parameters) {
    if ((p.in === 'path' && parts.params![p.name] !== undefined) || isGiven(over, p)) continue;
    if (p.in === 'header' && idem && p.name.toLowerCase() === idem.header.toLowerCase() && idem.operations.includes(op.id)) {
      parts.headers![p.name.toLowerCase()] = ctx.rng.uuid();
      continue;
    }
    if (!p.required) continue;
    if (p.example === undefined) return { skip: `required ${p.in} parameter '${p.name}' has no example in the contract` };
    const target = p.in === 'path' ? parts.params! : p.in === 'query' ? parts.query! : p.in === 'header' ? parts.headers! : undefined;
    if (target) target[p.in === 'header' ? p.name.toLowerCase() : p.name] = p.example as string;
  }
  Object.assign(parts.query!, over.query);
  for (const [name, value] of Object.entries(over.headers ?? {})) parts.headers![name.toLowerCase()] = value;
  if (op.requestBody) {
    const example = requestExample(op);
    if (example === undefined && over.body === undefined && op.requestBody.required) return { skip: 'the request body has no example in the contract' };
    parts.body = over.body === undefined ? example : mergeOver(example, over.body);
  }
  return { parts };
}

/** A query or header parameter that `over` supplies (header names compare case-insensitively). */
function isGiven(over: RequestParts, p: Operation['parameters'][number]): boolean {
  if (p.in === 'query') return over.query?.[p.name] !== undefined;
  return p.in === 'header' && Object.keys(over.headers ?? {}).some((name) => name.toLowerCase() === p.name.toLowerCase());
}

/**
 * What creates the resource a read reads: the profile's transaction whose read it is, else by REST shape the
 * POST on the read's collection (GET /webhook-endpoints/{id} ← POST /webhook-endpoints), its id at /id.
 */
function creatorOf(ctx: CheckContext, op: Operation): { create: Operation; idPointer: string; idParam: string } | undefined {
  const ops = ctx.partner.contract.operations;
  const tx = Object.values(ctx.partner.profile.transactions ?? {}).find((t) => t.read === op.id);
  const trailing = /^(.*)\/\{([^}]+)\}$/.exec(op.path);
  const create = tx ? ops.get(tx.create) : op.method === 'get' && trailing ? [...ops.values()].find((o) => o.method === 'post' && o.path === trailing[1]) : undefined;
  const idParam = tx?.idParam ?? op.parameters.find((p) => p.in === 'path')?.name;
  return create && idParam ? { create, idPointer: tx?.id ?? '/id', idParam } : undefined;
}
