import type { Profile } from '../profile/index.ts';
import { closest } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';

/**
 * Every partner code the profile names outside `errors` — the idempotency answers, the auth rejections, a
 * parent's `exceeds` — must be in `errors.map` (pure; located in the profile). Otherwise the partner answers
 * exactly as documented and the run still reports an unmapped code. Nothing to check without `errors`.
 */
export function crossCheckCodes(profile: Profile, doc: LocatedDocument): InputProblem[] {
  const map = profile.errors?.map;
  if (!map) return [];
  const named: Array<{ code: string; at: Array<string | number> }> = [];
  for (const [which, answer] of Object.entries(profile.idempotency?.answers ?? {})) {
    if (typeof answer === 'object' && 'code' in answer && typeof answer.code === 'string') named.push({ code: answer.code, at: ['idempotency', 'answers', which, 'code'] });
  }
  if (profile.auth?.rejection?.code) named.push({ code: profile.auth.rejection.code, at: ['auth', 'rejection', 'code'] });
  for (const [detection, r] of Object.entries(profile.auth?.rejections ?? {})) if (r?.code) named.push({ code: r.code, at: ['auth', 'rejections', detection, 'code'] });
  for (const [key, tx] of Object.entries(profile.transactions ?? {})) if (tx.parent?.exceeds) named.push({ code: tx.parent.exceeds, at: ['transactions', key, 'parent', 'exceeds'] });
  const known = Object.keys(map);
  return named
    .filter(({ code }) => !Object.hasOwn(map, code))
    .map(({ code, at }) => {
      const hint = closest(code, known);
      return doc.problem(at, `'${code}' is not in errors.map${hint ? ` (did you mean '${hint}'?)` : ''}: map it onto its canonical code, or the run reports the partner's documented answer as unmapped`);
    });
}
