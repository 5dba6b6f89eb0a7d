/**
 * The `schema-drift` defect: one field of the body changes type, as when a partner ships a release that
 * turns amounts into strings. The first number found becomes a string; failing that, the first string
 * becomes a number. Ids are left alone so flows keep working and only the contract check can notice.
 */
export function driftType(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const copy = structuredClone(body);
  if (!drift(copy, 'number')) drift(copy, 'string');
  return copy;
}

function drift(node: unknown, kind: 'number' | 'string'): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const entries = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node);
  for (const [k, v] of entries) {
    if (k === 'id') continue;
    const target = node as Record<string | number, unknown>;
    if (kind === 'number' && typeof v === 'number') {
      target[k] = String(v);
      return true;
    }
    if (kind === 'string' && typeof v === 'string') {
      target[k] = v.length;
      return true;
    }
    if (drift(v, kind)) return true;
  }
  return false;
}
