import type { Size } from './model.ts';

const UNIT_BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 * 1024 };

/** '512KB' | '4MB' | bytes → bytes, binary units as nginx and most proxies count them. The schema guarantees the form. */
export function parseSize(s: Size): number {
  if (typeof s === 'number') return s;
  const m = /^([0-9]+)(B|KB|MB)$/.exec(s);
  if (!m) throw new Error(`not a size: ${s}`);
  return Number(m[1]) * (UNIT_BYTES[m[2] ?? 'B'] ?? 1);
}
