import type { RequestParts } from '../../http/index.ts';
import type { ResolvedIdempotency } from '../../idempotency/index.ts';
import { getPointer, setPointer } from '../../json/index.ts';
import type { Rng } from '../../random/index.ts';
import { probeParts } from '../contract/probe.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { CheckContext } from '../model.ts';
import type { Subject } from './subject.ts';

/** A check's request: the contract's example with a reference of its own, so its transactions can be counted apart. */
export interface BaseRequest {
  parts: RequestParts;
  reference?: string;
}

export async function baseRequest(ctx: CheckContext, subject: Subject, tag: string): Promise<BaseRequest> {
  const reference = subject.referencePointer ? `RG-${tag}-${ctx.rng.alnum(10)}` : undefined;
  const body = {};
  if (subject.referencePointer && reference) setPointer(body, subject.referencePointer, reference);
  // The key header is named as given so the probe does not draw one; each attempt sets its own.
  const probe = await probeParts(ctx, subject.op, { body, headers: { [subject.spec.header]: 'set-per-attempt' } });
  if (!probe.parts) throw new CheckSkipped(probe.skip ?? `no request can be built for ${subject.op.id}`);
  return { parts: withKey(probe.parts, subject.spec, undefined), reference };
}

/** The parts with this key in the profile's header, or with no key at all. */
export function withKey(parts: RequestParts, spec: ResolvedIdempotency, key: string | undefined): RequestParts {
  const headers = Object.fromEntries(Object.entries(parts.headers ?? {}).filter(([name]) => name.toLowerCase() !== spec.header.toLowerCase()));
  if (key !== undefined) headers[spec.header.toLowerCase()] = key;
  return { ...parts, headers };
}

/** A fresh key in the profile's format; one the partner's pattern refuses is the profile's mistake. */
export function newKey(rng: Rng, spec: ResolvedIdempotency): string {
  const key = spec.key.format === 'alnum' ? rng.alnum(spec.key.length ?? 32) : rng.uuid();
  if (spec.key.pattern && !new RegExp(spec.key.pattern).test(key)) {
    throw new CheckFailure(`a ${spec.key.format} key (${key}) does not match idempotency.key.pattern ${spec.key.pattern}: the profile's format and pattern disagree`, { kind: 'configuration' });
  }
  return key;
}

/**
 * The same request with another amount (the money a duplicate would move twice): the body's /amount, else
 * its first number. Undefined when the body has no number to change.
 */
export function withOtherAmount(parts: RequestParts): RequestParts | undefined {
  const body = structuredClone(parts.body);
  const at = typeof getPointer(body, '/amount') === 'number' ? '/amount' : firstNumber(body, '');
  if (at === undefined) return undefined;
  setPointer(body, at, (getPointer(body, at) as number) + 1);
  return { ...parts, body };
}

function firstNumber(v: unknown, at: string): string | undefined {
  if (typeof v === 'number') return at;
  if (v === null || typeof v !== 'object') return undefined;
  for (const [k, child] of Object.entries(v)) {
    const found = firstNumber(child, `${at}/${k}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
