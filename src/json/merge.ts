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

/**
 * Where does `actual` fail to contain `expected`? Objects match as subsets, arrays element by element,
 * scalars by equality. Returns the first mismatch as a pointer with both values, or undefined.
 */
export function findMismatch(actual: unknown, expected: unknown, at = ''): { at: string; expected: unknown; actual: unknown } | undefined {
  if (isObj(expected)) {
    if (!isObj(actual)) return { at: at || '/', expected, actual };
    for (const [k, v] of Object.entries(expected)) {
      const m = findMismatch(actual[k], v, `${at}/${k}`);
      if (m) return m;
    }
    return undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return { at: at || '/', expected, actual };
    for (let i = 0; i < expected.length; i++) {
      const m = findMismatch(actual[i], expected[i], `${at}/${i}`);
      if (m) return m;
    }
    return undefined;
  }
  // Strict: a partner that sends '1500' where 1500 is expected has drifted, and the check must say so.
  return actual === expected ? undefined : { at: at || '/', expected, actual };
}
