import { closest, formatPath } from '../source/index.ts';
import type { InputProblem } from '../source/index.ts';
import { escapePointer, getPointer, splitPointer } from '../json/index.ts';
import { displayName, refTarget } from './contract-files.ts';
import type { ContractFiles, RefSite } from './contract-files.ts';

/** A `$ref` followed to the object it names. */
export interface ResolvedRef {
  site: RefSite;
  target: object;
}

export interface RefCheck {
  resolved: ResolvedRef[];
  errors: InputProblem[];
  warnings: InputProblem[];
  /** Remote URLs railgate did not fetch. */
  remote: string[];
  /** `file` + key path of each `$ref` turned into an open schema, to drop the meta-schema's echo of it. */
  patched: Set<string>;
}

/**
 * Follows every `$ref` of the contract's files, and locates each one it cannot follow at the `$ref` itself,
 * naming the target. A remote `$ref` is never fetched (a run must not depend on a third host): a warning.
 * A missing target is an error, or under lenient validation (published contracts carry the odd typo) a
 * warning. Either way the `$ref` is dropped, leaving an open schema, so loading goes on and reports the
 * rest in the same pass. A file that cannot be opened is always an error.
 */
export function resolveRefs(found: ContractFiles, lenient: boolean): RefCheck {
  const check: RefCheck = { resolved: [], errors: [], warnings: [], remote: [], patched: new Set() };
  // A published contract repeats the same missing target many times; each hint is an edit distance to every sibling name.
  const hints = new Map<string, string>();
  for (const site of found.refs) {
    const target = refTarget(site);
    const file = target && found.files.get(target.file);
    const problem = (message: string): InputProblem => site.doc.problem([...site.at, '$ref'], message);
    if (file === 'unparsable') {
      // Its syntax errors are reported in that file.
    } else if (!target) {
      check.remote.push(site.ref);
      check.warnings.push(problem(`remote $ref not fetched, treated as an open schema: ${site.ref}`));
    } else if (file === undefined || 'unopened' in file) {
      const why = file?.unopened ?? 'file not found';
      check.errors.push(problem(why === 'file not found' ? `$ref names a file that does not exist: ${displayName(target.file)}` : `$ref names a file railgate cannot read: ${displayName(target.file)} (${why})`));
    } else {
      const node = target.pointer === '' || target.pointer.startsWith('/') ? getPointer(file.data, target.pointer) : undefined;
      if (node !== undefined) {
        if (node !== null && typeof node === 'object') check.resolved.push({ site, target: node });
        continue;
      }
      const hintKey = `${target.file}\u0000${site.ref}`;
      let hint = hints.get(hintKey);
      if (hint === undefined) hints.set(hintKey, (hint = didYouMean(site.ref, file.data, target.pointer)));
      const message = `$ref target ${site.ref} does not exist${target.file === site.file ? '' : ` in ${file.file}`}${hint}`;
      if (lenient) check.warnings.push(problem(`${message}; treated as an open schema`));
      else check.errors.push(problem(message));
    }
    delete site.holder.$ref;
    check.patched.add(`${site.doc.file}\u0000${formatPath(site.at)}`);
  }
  return check;
}

/** ` (did you mean #/components/schemas/Payout?)` when the pointer's last step is a near miss. */
function didYouMean(ref: string, data: unknown, pointer: string): string {
  const steps = splitPointer(pointer);
  const last = steps.pop();
  const parent = getPointer(data, steps.map((s) => `/${escapePointer(s)}`).join(''));
  if (last === undefined || parent === null || typeof parent !== 'object') return '';
  const hint = closest(last, Object.keys(parent));
  if (!hint) return '';
  const base = ref.slice(0, ref.indexOf('#') + 1);
  return ` (did you mean ${base}${[...steps, hint].map((s) => `/${escapePointer(s)}`).join('')}?)`;
}
