import type { ErrorObject } from 'ajv';

/**
 * ajv (allErrors) reports a failed `oneOf` / `anyOf` with every branch's errors before it: Adyen's
 * `accountIdentification` has 15 branches, and one wrong field of a US account came out as 50 lines about
 * Australian, Brazilian and Canadian ones. A reader needs the branch the value meant, and why it fails.
 *
 * The errors of one union are the run just before it whose instance paths lie under the union's own. Each
 * branch given as a `$ref` to the contract's document is judged alone (`judge`, the same validators); the one
 * the value is closest to — none of its errors on a field the branches tell apart by a fixed value (an
 * `enum` or `const`, a discriminator), then the fewest errors — stands for the union, its errors as they are,
 * prefixed by the union's place. A union with a branch given inline, or one failing because several branches
 * match, is left as ajv said it. Pure; `judge` is called at most once per branch.
 */
export function closestBranchErrors(errors: readonly ErrorObject[], judge: (pointer: string, value: unknown) => ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    const union = (e.keyword === 'oneOf' || e.keyword === 'anyOf') && Array.isArray(e.schema) ? (e.schema as unknown[]) : undefined;
    const refs = union?.map((b) => (isRef(b) ? b.$ref.slice(1) : undefined));
    if (!union || !refs || refs.some((r) => r === undefined)) {
      out.push(e);
      continue;
    }
    // The branch errors ajv gave: the run just before, under the union's instance path.
    let start = out.length;
    while (start > 0 && isUnder(out[start - 1]!.instancePath, e.instancePath)) start--;
    if (start === out.length) {
      out.push(e); // no branch failed: several matched, which is the union's own message
      continue;
    }
    const judged = (refs as string[]).map((pointer) => judge(pointer, e.data).map((x) => ({ ...x, instancePath: e.instancePath + x.instancePath })));
    const best = judged.map((errs, i) => ({ i, errs, score: (errs.some(tellsApart) ? 1_000 : 0) + errs.length })).sort((a, b) => a.score - b.score)[0];
    if (!best || best.errs.length === 0) {
      out.push(e);
      continue;
    }
    out.splice(start, out.length - start, ...best.errs);
  }
  return out;
}

function isRef(b: unknown): b is { $ref: string } {
  return typeof b === 'object' && b !== null && typeof (b as { $ref?: unknown }).$ref === 'string' && (b as { $ref: string }).$ref.startsWith('#/');
}

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/** An error on a value the branches tell apart by: a fixed `enum` / `const` (a `type: usLocal`). */
function tellsApart(e: ErrorObject): boolean {
  return e.keyword === 'enum' || e.keyword === 'const';
}
