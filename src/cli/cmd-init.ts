import { stat } from 'node:fs/promises';
import { loadVocabulary } from '../errors/index.ts';
import { initPartner, loadOnboardingContract } from '../onboard/index.ts';
import { UsageError, parseWithPositionals, railOption } from './args.ts';
import type { Output } from './output.ts';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `railgate init <id> --contract FILE [--rail CODE] [--dir DIR] [--force]`: a partner profile and baseline
 * scenarios inferred from the contract (src/onboard, the inference `lint --contract` uses), every guess a TODO
 * that lint lists. Existing files are refused unless --force; every file is written or none.
 */
export async function cmdInit(args: string[], out: Output): Promise<number> {
  const { values: v, positionals } = parseWithPositionals(args, { contract: { type: 'string' }, rail: { type: 'string' }, dir: { type: 'string' }, force: { type: 'boolean' } });
  if (v.help) return out.help('init');
  const [id, extra] = positionals;
  if (id === undefined) throw new UsageError('give the partner id: railgate init <id> --contract FILE');
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  if (!ID.test(id)) throw new UsageError(`the partner id must be lower-case letters, digits and dashes, starting with a letter or digit (got '${id}')`);
  if (v.contract === undefined) throw new UsageError("--contract FILE is required: the partner's OpenAPI document");
  const rail = railOption(v.rail);
  const dir = String(v.dir ?? '.');
  // A --dir that is a file would surface as an internal ENOTDIR from the first mkdir, after the contract was read.
  const there = await stat(dir).catch(() => undefined);
  if (there && !there.isDirectory()) throw new UsageError(`--dir ${dir} is a file, not a folder: give the project folder to write into`);
  const source = String(v.contract);
  const loaded = await loadOnboardingContract(source);
  const r = await initPartner({ id, source, loaded, vocabulary: await loadVocabulary(), dir, force: v.force === true, ...(rail && { rail }) });
  const c = loaded.contract;
  out.info(`railgate init ${id} · ${c.title} ${c.version} (${c.operations.size} operations, ${c.webhooks.size} events)`);
  out.info(`  wrote  ${r.profileFile}  (${r.todos} TODO${r.todos === 1 ? '' : 's'})`);
  out.info(r.copiedTo ? `  copied ${r.copiedTo}` : `  contract referenced where it is: ${r.contractRef}${r.split ? ' (it reaches other files by $ref)' : ''}`);
  for (const f of r.scenarioFiles) out.info(`  wrote  ${f}`);
  if (r.scenarioFiles.length === 0) out.info(`  no baseline scenario: ${r.transactions === 0 ? 'no transaction was proposed' : 'each proposed transaction is created under an earlier resource (the TODOs in transactions say which)'}`);
  const cd = dir === '.' ? '' : `cd ${dir} && `;
  out.info(`next: settle the TODOs (${cd}railgate lint --partner ${id} lists them), then ${cd}railgate run --partner ${id} --family contract`);
  return 0;
}
