type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names a page gives the cursor to the next one. */
const CURSORS = ['nextCursor', 'next_cursor', 'cursor'];

/**
 * The one page a list answers: the sample's envelope with the resources in its array, and no cursor to a next
 * page (absent, not null: Square's cursor is a string or nothing). A resource kept as its create answered it,
 * inside an envelope (Square's `{ "card": { … }, "errors": [] }`), is listed as what it wraps when the list's
 * schema takes that better (`issueCount`, the schema's issues with a page). Pure.
 */
export function listPage(sample: unknown, resources: readonly Obj[], issueCount: (page: unknown) => number): unknown {
  const whole = pageOf(sample, resources);
  const inner = resources.map(wrapped);
  if (inner.every((r, i) => r === resources[i])) return whole;
  const unwrapped = pageOf(sample, inner);
  return issueCount(unwrapped) < issueCount(whole) ? unwrapped : whole;
}

function pageOf(sample: unknown, items: readonly Obj[]): unknown {
  if (!isObj(sample)) return [...items];
  const key = Object.keys(sample).find((k) => Array.isArray(sample[k])) ?? 'data';
  const page: Obj = { ...sample, [key]: [...items] };
  for (const k of CURSORS) delete page[k];
  return page;
}

/** The one object an envelope wraps, else the resource itself. */
function wrapped(resource: Obj): Obj {
  const objects = Object.values(resource).filter(isObj);
  return objects.length === 1 ? objects[0]! : resource;
}
