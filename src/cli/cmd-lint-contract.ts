import path from 'node:path';
// The two lint rules by their own modules: the checks' index brings every family, and the HTTP client with them.
import { lintContract } from '../checks/contract/lint-contract.ts';
import { lintErrorMap } from '../checks/errors/lint-error-map.ts';
import { SchemaCompileError, cachedForContract, locateAllInContract, locateInContract } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { loadVocabulary } from '../errors/index.ts';
import { idFromFile, loadOnboardingContract, partnerFromContract } from '../onboard/index.ts';
import type { InferredProfile } from '../onboard/index.ts';
import type { Partner } from '../partner/index.ts';
import { InputError, formatInputProblem } from '../source/index.ts';
import type { InputProblem } from '../source/index.ts';
import type { Output } from './output.ts';

/** Lines shown per rule; the rest are counted (Square has hundreds of mutating operations). */
const SHOWN_PER_RULE = 10;

const RULE_TITLES: Record<string, string> = {
  'openapi-schema': 'what the loader warns of: breaks of OpenAPI lenient loading lets through, $refs not followed',
  'error-responses': 'mutating operations that document no 4xx answer',
  security: 'mutating operations that declare no security',
  'idempotency-header': 'mutating operations without an idempotency header',
  'examples-valid': 'examples that break their own schema',
  'error-code-schema': 'error answers railgate cannot tell apart by a code',
  'error-map': "the error map init would write (lint's errors rules)",
  limits: 'what railgate reads past (no fault of the contract)',
};

interface Located {
  rule: string;
  line: string;
}

/**
 * `railgate lint --contract FILE`: a contract's launch readiness with no profile, from any folder. The profile
 * `railgate init` would write is inferred and loaded in memory; the contract's findings come grouped by rule,
 * counted, each at its file:line:col. Exit 2 only when the contract cannot be loaded.
 */
export async function lintContractFile(file: string, rail: string | undefined, out: Output): Promise<number> {
  const loaded = await loadOnboardingContract(file);
  const id = idFromFile(file);
  const { partner, inferred } = await partnerFromContract(file, loaded, { id, ...(rail && { rail }) });
  const c = partner.contract;
  out.info(`contract ${file}: ${c.title} ${c.version}, OpenAPI ${c.openapi}, ${c.operations.size} operation${c.operations.size === 1 ? '' : 's'}, ${c.webhooks.size} event${c.webhooks.size === 1 ? '' : 's'}${loaded.lenientBreaks !== undefined ? ' (loaded leniently)' : ''}`);
  out.info(`inferred: ${summary(partner, inferred)}`);
  // The same for the same contract, inferred profile and railgate: kept on disk beside the loaded contract.
  const found = await cachedForContract('lint-contract', c, [partner.profileHash, file, rail ?? ''], () => findings(partner, inferred));
  const rules = [...new Set(found.map((f) => f.rule))];
  for (const rule of rules) {
    const lines = found.filter((f) => f.rule === rule);
    out.info(`\n${rule}  ${lines.length} · ${RULE_TITLES[rule] ?? rule}`);
    for (const l of lines.slice(0, SHOWN_PER_RULE)) out.info(`  ${l.line}`);
    if (lines.length > SHOWN_PER_RULE) out.info(`  … and ${lines.length - SHOWN_PER_RULE} more`);
  }
  const todos = inferred.notes.filter((n) => n.todo).length + inferred.proposals.reduce((n, p) => n + p.lines.filter((l) => l.startsWith('TODO')).length, 0);
  // Limits are railgate's, not the contract's: shown, not counted as findings.
  const judged = found.filter((f) => f.rule !== 'limits');
  const counted = rules.filter((r) => r !== 'limits').map((r) => `${r} ${judged.filter((f) => f.rule === r).length}`).join(', ');
  out.info(`\n${judged.length === 0 ? 'no findings' : `${judged.length} finding${judged.length === 1 ? '' : 's'} (${counted})`}; no errors. railgate init ${id} --contract ${file} writes this profile with ${todos} TODO${todos === 1 ? '' : 's'} to settle.`);
  return 0;
}

function summary(p: Partner, inferred: InferredProfile): string {
  const { auth, idempotency, errors, transactions, webhooks } = p.profile;
  const authKind = auth ? Object.keys(auth).filter((k) => k !== 'rejection' && k !== 'rejections').join(' + ') : 'none';
  const creds = Object.keys(p.profile.environments.simulator?.testCredentials ?? {});
  return [
    `auth ${authKind}${creds.length ? ` (${creds.join(', ')})` : ''}`,
    idempotency ? `idempotency ${idempotency.header} on ${idempotency.operations.length} operation${idempotency.operations.length === 1 ? '' : 's'}` : 'no idempotency header',
    errors ? `error code at ${errors.code}, ${Object.keys(errors.map).length} documented code${Object.keys(errors.map).length === 1 ? '' : 's'}` : 'no error code',
    `${Object.keys(transactions ?? {}).length} transaction${Object.keys(transactions ?? {}).length === 1 ? '' : 's'}${transactions ? ` (${Object.keys(transactions).join(', ')})` : ''}`,
    webhooks ? `webhooks ${webhooks.scheme} (${webhooks.events?.length ?? 0} events)` : inferred.proposals.some((x) => x.key === 'webhooks') ? 'webhooks: scheme unknown (TODO)' : 'no webhooks',
  ].join(' · ');
}

async function findings(p: Partner, inferred: InferredProfile): Promise<Located[]> {
  const c: Contract = p.contract;
  const rule = (r: string) => (problem: InputProblem): Located => ({ rule: r, line: formatInputProblem(problem) });
  const fromContract = (await judged(p)).filter((f) => f.rule !== 'idempotency-header');
  const all = [
    ...fromContract.filter((f) => f.rule !== 'openapi-schema').map((f) => ({ rule: f.rule as string, pointer: f.pointer, message: f.message })),
    ...inferred.findings.map((f) => ({ rule: f.rule as string, pointer: f.pointer, message: f.message })),
  ];
  const located = await locateAllInContract(c, all.flatMap((f) => (f.pointer ? [{ pointer: f.pointer, message: f.message }] : [])));
  const vocabulary = await loadVocabulary();
  return [
    ...c.warnings.map(rule('openapi-schema')),
    ...all.map((f) => {
      const place = f.pointer ? located.shift() : undefined;
      return { rule: f.rule, line: place ? formatInputProblem({ ...place, path: '' }) : `${path.normalize(c.file)}  ${f.message}` };
    }),
    ...lintErrorMap(p, vocabulary).map((f) => ({ rule: 'error-map', line: `${f.level}: ${f.problem.path ? `${f.problem.path}: ` : ''}${f.problem.message}` })),
    ...c.limits.map(rule('limits')),
  ];
}

/** The contract's static findings; a schema ajv cannot compile is the contract's located problem (exit 2), as in lint. */
async function judged(p: Partner): Promise<ReturnType<typeof lintContract>> {
  try {
    return lintContract(p.contract, p.validators, p.profile);
  } catch (e) {
    if (!(e instanceof SchemaCompileError)) throw e;
    throw new InputError([await locateInContract(p.contract, e.pointer, `railgate cannot validate against this schema: ${e.reason}`)]);
  }
}
