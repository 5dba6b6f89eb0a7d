// The two lint rules by their own modules: the checks' index brings every family, and the HTTP client with them.
import { lintContract } from '../checks/contract/lint-contract.ts';
import type { ContractFinding } from '../checks/contract/lint-contract.ts';
import { lintErrorMap } from '../checks/errors/lint-error-map.ts';
import { SchemaCompileError, cachedForContract, locateAllInContract, locateInContract } from '../contract/index.ts';
import { loadVocabulary } from '../errors/index.ts';
import type { Vocabulary } from '../errors/index.ts';
import { lintRegistration, loadPartners } from '../partner/index.ts';
import type { Partner } from '../partner/index.ts';
import { formatInputProblem } from '../source/index.ts';
import { UsageError, parse, railOption } from './args.ts';
import type { Output } from './output.ts';
import { partnerTodos } from './partner-todos.ts';

/**
 * Loading is the lint: any error throws (exit 2). Contract findings are warnings a reviewer should see.
 * The profile's error map (issue 6) and webhook registration are judged too: their errors exit 2, their warnings are shown.
 */
export async function cmdLint(args: string[], out: Output): Promise<number> {
  const v = parse(args, { partner: { type: 'string' }, contract: { type: 'string' }, rail: { type: 'string' } });
  if (v.help) return out.help('lint');
  if (v.contract !== undefined) {
    if (v.partner !== undefined) throw new UsageError('--contract lints a contract with no profile: give --partner or --contract, not both');
    return (await import('./cmd-lint-contract.ts')).lintContractFile(String(v.contract), railOption(v.rail), out);
  }
  if (v.rail !== undefined) throw new UsageError('--rail goes with --contract');
  const partners = await loadPartners(process.cwd(), v.partner as string | undefined);
  const vocabulary = await loadVocabulary();
  let warnings = 0;
  let errors = 0;
  for (const p of partners) {
    for (const l of await lintPartner(p, vocabulary)) {
      if (l.level === 'error') errors++;
      if (l.level === 'warning') warnings++;
      if (l.level === 'error') out.error(l.line);
      else out.info(l.level === 'warning' ? `${l.line}  (warning)` : l.line);
    }
  }
  if (errors > 0) {
    out.error(`${errors} error${errors > 1 ? 's' : ''} in the profiles and contracts.`);
    return 2;
  }
  out.info(`${partners.length} partner${partners.length === 1 ? '' : 's'}, no errors${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}`);
  return 0;
}

export interface LintLine {
  level: 'error' | 'warning' | 'ok';
  line: string;
}

/** One partner's lint, in the order it is printed: error map, registration, contract, TODOs left by init; `ok` last unless the contract's schemas cannot be compiled. */
export async function lintPartner(p: Partner, vocabulary: Vocabulary): Promise<LintLine[]> {
  const out: LintLine[] = [];
  for (const f of [...lintErrorMap(p, vocabulary), ...lintRegistration(p.profile, p.profileDoc)]) out.push({ level: f.level, line: formatInputProblem(f.problem) });
  // Limits are what railgate reads past (an unknown format): the partner's contract is not at fault, but a reviewer should know.
  for (const w of [...p.contract.warnings, ...p.contract.limits]) out.push({ level: 'warning', line: formatInputProblem(w) });
  let lines: LintLine[];
  try {
    // The contract's findings, located: the same for the same contract, profile and railgate, so kept on disk.
    lines = await cachedForContract('lint', p.contract, [p.profileHash], () => contractFindings(p));
  } catch (e) {
    if (!(e instanceof SchemaCompileError)) throw e;
    out.push({ level: 'error', line: formatInputProblem(await locateInContract(p.contract, e.pointer, `railgate cannot validate against this schema: ${e.reason}`)) });
    return out;
  }
  out.push(...lines);
  // What `railgate init` left for a person: every TODO comment, located, until it is settled.
  for (const t of await partnerTodos(p)) out.push({ level: 'warning', line: formatInputProblem(t) });
  out.push({ level: 'ok', line: `ok  ${p.id}: profile ${p.profileFile}, contract ${p.contract.file} (${p.contract.operations.size} operations), ${p.scenarios.length} scenario${p.scenarios.length === 1 ? '' : 's'}` });
  return out;
}

/** lintContract's findings but the OpenAPI breaks (shown above as the contract's warnings), each at its file:line:col. */
async function contractFindings(p: Partner): Promise<LintLine[]> {
  const findings: ContractFinding[] = lintContract(p.contract, p.validators, p.profile);
  const shown = findings.filter((f) => f.rule !== 'openapi-schema');
  const located = await locateAllInContract(p.contract, shown.flatMap((f) => (f.pointer ? [{ pointer: f.pointer, message: `${f.rule}: ${f.message}` }] : [])));
  return shown.map((f) => {
    const place = f.pointer ? located.shift() : undefined;
    return { level: 'warning', line: place ? formatInputProblem({ ...place, path: '' }) : `${p.contract.file}  ${f.rule}: ${f.message}` };
  });
}
