import { getPointer, toPointer } from '../json/index.ts';
import { isRecord } from './record.ts';
import type { CodeLocation } from './types.ts';

export interface ExtractedCode {
  code?: string;
  message?: string;
}

/**
 * Reads the partner's error code (and message) out of a response body, at a JSON Pointer or dotted
 * path (toPointer, as the simulator writes them). The body may be parsed JSON, JSON text or bytes;
 * anything else (HTML from a load balancer, an empty body) yields {}.
 */
export function extractPartnerCode(body: unknown, spec: CodeLocation): ExtractedCode {
  const json = toJson(body);
  if (json === undefined) return {};
  const code = scalarText(getPointer(json, toPointer(spec.code)));
  const message = spec.message === undefined ? undefined : scalarText(getPointer(json, toPointer(spec.message)));
  return {
    ...(code !== undefined && { code }),
    ...(message !== undefined && { message }),
  };
}

function toJson(body: unknown): unknown {
  if (body instanceof Uint8Array) return parseJson(new TextDecoder().decode(body));
  if (typeof body === 'string') return parseJson(body);
  if (isRecord(body) || Array.isArray(body)) return body;
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Partners send numeric codes too (1001); they are compared as text. Empty strings are no code.
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
