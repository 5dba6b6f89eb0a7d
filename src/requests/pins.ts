import type { RequestParts } from '../http/index.ts';
import { mergeOver } from '../json/index.ts';

type Scalar = string | number | boolean;

/**
 * What the profile fixes in an operation's requests (`requests.<operationId>`): values the contract cannot
 * give railgate, such as a merchant account that must exist at the partner, or an id made outside the API.
 * `null` removes a generated field or parameter.
 */
export interface RequestPin {
  /** Deep-merged over the example or generated body (mergeOver). */
  body?: Record<string, unknown>;
  params?: Record<string, Scalar | null>;
  query?: Record<string, Scalar | null>;
  headers?: Record<string, string | null>;
}

/** The profile's `requests` section, by operationId. */
export type RequestPins = Record<string, RequestPin>;

/** A request with the profile's pins laid over it (pure: a new object; header names lower-cased as the client sends them). */
export function applyPin(parts: RequestParts, pin: RequestPin | undefined): RequestParts {
  if (!pin) return parts;
  const out: RequestParts = {
    params: overlay(parts.params, pin.params),
    query: overlay(parts.query, pin.query),
    headers: overlay(parts.headers, lowerKeys(pin.headers)) as Record<string, string>,
  };
  const body = pin.body === undefined ? parts.body : mergeOver(parts.body, pin.body);
  if (body !== undefined) out.body = body;
  return out;
}

function overlay<T>(base: Record<string, T> | undefined, over: Record<string, T | null> | undefined): Record<string, T> {
  const out: Record<string, T> = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

function lowerKeys<T>(o: Record<string, T> | undefined): Record<string, T> | undefined {
  return o && Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}
