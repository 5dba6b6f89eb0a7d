import type { Contract } from '../contract/index.ts';
import type { Profile } from '../profile/index.ts';
import { unsafeRetries } from '../retry/index.ts';
import { closest } from '../source/index.ts';
import { checkTransactionSpecs } from '../transactions/index.ts';
import { crossCheckAuth } from './cross-check-auth.ts';
import { crossCheckCodes } from './cross-check-codes.ts';
import { crossCheckRequests } from './cross-check-requests.ts';
import { crossCheckSetup } from './cross-check-setup.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';

/** Every operationId the profile names must exist in the contract (pure; problems located in the profile). */
export function crossCheckProfile(profile: Profile, doc: LocatedDocument, contract: Contract): InputProblem[] {
  const problems: InputProblem[] = [];
  const ids = [...contract.operations.keys()];
  const need = (op: string, at: Array<string | number>): void => {
    if (contract.operations.has(op)) return;
    const hint = closest(op, ids);
    problems.push(doc.problem(at, `operation '${op}' is not in the contract${hint ? ` (did you mean '${hint}'?)` : ''}`));
  };
  profile.idempotency?.operations.forEach((op, i) => need(op, ['idempotency', 'operations', i]));
  profile.errors?.triggers?.forEach((t, i) => need(t.operation, ['errors', 'triggers', i, 'operation']));
  for (const op of Object.keys(profile.retry?.operations ?? {})) need(op, ['retry', 'operations', op]);
  profile.readiness?.operations?.forEach((op, i) => need(op, ['readiness', 'operations', i]));
  for (const op of Object.keys(profile.readiness?.excludeOperations ?? {})) need(op, ['readiness', 'excludeOperations', op]);
  for (const op of Object.keys(profile.readiness?.latency?.operations ?? {})) need(op, ['readiness', 'latency', 'operations', op]);
  for (const family of Object.keys(profile.readiness?.exclude ?? {})) {
    if (profile.readiness?.required?.includes(family as never)) problems.push(doc.problem(['readiness', 'exclude', family], `family '${family}' is excluded and also listed in readiness.required: keep one`));
  }
  for (const u of unsafeRetries(profile, contract)) problems.push(doc.problem(u.path, u.message));
  for (const [kind, tx] of Object.entries(profile.transactions ?? {})) {
    need(tx.create, ['transactions', kind, 'create']);
    need(tx.read, ['transactions', kind, 'read']);
    if (tx.list) need(tx.list, ['transactions', kind, 'list']);
    const read = contract.operations.get(tx.read);
    if (read && tx.idParam && !read.parameters.some((p) => p.in === 'path' && p.name === tx.idParam)) {
      problems.push(doc.problem(['transactions', kind, 'idParam'], `operation '${tx.read}' has no path parameter '${tx.idParam}'`));
    }
  }
  for (const p of checkTransactionSpecs(profile)) problems.push(doc.problem(p.path, p.message));
  problems.push(...crossCheckAuth(profile, doc, contract));
  problems.push(...crossCheckCodes(profile, doc));
  problems.push(...crossCheckSetup(profile, doc, contract));
  problems.push(...crossCheckRequests(profile, doc, contract));
  return problems;
}
