type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges `over` onto a copy of `base`: objects merge key by key, `null` deletes a key, the rest replaces. */
export function mergeOver(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return structuredClone(over);
  const out: Obj = structuredClone(base);
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = k in out ? mergeOver(out[k], v) : structuredClone(v);
  }
  return out;
}

export interface Mismatch {
  at: string;
  expected: unknown;
  actual: unknown;
}

/**
 * Where does `actual` fail to contain `expected`? Objects match as subsets, arrays element by element,
 * scalars by equality. Returns the first mismatch as a pointer with both values, or undefined.
 */
export function findMismatch(actual: unknown, expected: unknown, at = ''): Mismatch | undefined {
  return findMismatches(actual, expected, at, 1)[0];
}

/** Every place `actual` fails to contain `expected` (up to `most`), in the order `expected` is written. */
export function findMismatches(actual: unknown, expected: unknown, at = '', most = Infinity): Mismatch[] {
  const out: Mismatch[] = [];
  const walk = (a: unknown, e: unknown, here: string): void => {
    if (out.length >= most) return;
    if (isObj(e)) {
      if (!isObj(a)) out.push({ at: here || '/', expected: e, actual: a });
      else for (const [k, v] of Object.entries(e)) walk(a[k], v, `${here}/${k}`);
      return;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) out.push({ at: here || '/', expected: e, actual: a });
      else e.forEach((v, i) => walk(a[i], v, `${here}/${i}`));
      return;
    }
    // Strict: a partner that sends '1500' where 1500 is expected has drifted, and the check must say so.
    if (a !== e) out.push({ at: here || '/', expected: e, actual: a });
  };
  walk(actual, expected, at);
  return out;
}
