type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `wanted` grafted onto `valid`, a body the schema accepts: each part of `wanted` is set in place when the body
 * is still accepted with it, else its own parts are tried one by one; a part that fits nowhere is left out, and
 * the valid body's own value stays there. So what the simulator meant to say (the amount sent, the resource's
 * state, an example's values) comes out wherever the contract allows it, and the answer is always accepted.
 * Pure: neither argument is changed (the result shares nothing with them).
 */
export function graft(wanted: unknown, valid: unknown, accepts: (body: unknown) => boolean): unknown {
  const root = { body: structuredClone(valid) as unknown };
  const from = structuredClone(wanted);
  const place = (holder: Obj | unknown[], key: string | number, value: unknown): void => {
    const had = Object.hasOwn(holder, key);
    const before = (holder as Obj)[key as string];
    (holder as Obj)[key as string] = value;
    if (accepts(root.body)) return;
    if (had) (holder as Obj)[key as string] = before;
    else delete (holder as Obj)[key as string];
    descend(before, value);
  };
  // The parts of `value` that can go into `target` one by one: an object's keys, an array's items (a list of
  // five stays five: each item past the valid body's own starts as a copy of its first, when that is accepted).
  const descend = (target: unknown, value: unknown): void => {
    if (isObj(target) && isObj(value)) for (const [k, v] of Object.entries(value)) place(target, k, v);
    if (!Array.isArray(target) || !Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      if (i < target.length) place(target, i, value[i]);
      else if (!pushed(target, value[i]) && pushed(target, structuredClone(target[0]))) place(target, i, value[i]);
      else if (target.length <= i) return;
    }
  };
  const pushed = (target: unknown[], item: unknown): boolean => {
    if (item === undefined) return false;
    target.push(item);
    if (accepts(root.body)) return true;
    target.pop();
    return false;
  };
  descend(root.body, from);
  return root.body;
}
