import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVocabulary } from '../errors/index.ts';
import { baselineScenarios } from '../onboard/baseline-scenarios.ts';
import { inferProfile, loadOnboardingContract, renderProfile, todoMarkers } from '../onboard/index.ts';
import { existing, writeAll } from '../onboard/write-all.ts';
import type { PlannedFile } from '../onboard/write-all.ts';
import { loadPartner } from '../partner/index.ts';
import { InputError, SCHEMAS_DIR } from '../source/index.ts';
import { UsageError, parseWithPositionals, railOption } from './args.ts';
import type { Output } from './output.ts';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `railgate init <id> --contract FILE [--rail CODE] [--dir DIR] [--force]`: a partner profile and baseline
 * scenarios inferred from the contract (src/onboard, the inference `lint --contract` uses), every guess a TODO
 * that lint lists. Existing files are refused unless --force; the profile is loaded before anything is written,
 * and every file is written or none.
 */
export async function cmdInit(args: string[], out: Output): Promise<number> {
  const { values: v, positionals } = parseWithPositionals(args, { contract: { type: 'string' }, rail: { type: 'string' }, dir: { type: 'string' }, force: { type: 'boolean' } });
  if (v.help) return out.help('init');
  const [id, extra] = positionals;
  if (id === undefined) throw new UsageError('give the partner id: railgate init <id> --contract FILE');
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  if (!ID.test(id)) throw new UsageError(`the partner id must be lower-case letters, digits and dashes, starting with a letter or digit (got '${id}')`);
  if (v.contract === undefined) throw new UsageError('--contract FILE is required: the partner\'s OpenAPI document');
  const rail = railOption(v.rail);
  const dir = String(v.dir ?? '.');
  const source = String(v.contract);
  const loaded = await loadOnboardingContract(source);

  // The contract is referenced where it already sits in the project; else copied under contracts/<id>/ —
  // unless it reaches other files by $ref, which a copy of one file would lose.
  const profileFile = path.join(dir, 'partners', `${id}.yaml`);
  const inside = !path.relative(path.resolve(dir), path.resolve(source)).startsWith('..');
  const split = /"?\$ref"?\s*:\s*["']?(?!#)[^\s"']/.test(await readFile(source, 'utf8'));
  const contractFile = inside || split ? source : path.join(dir, 'contracts', id, path.basename(source));
  const contractRef = path.relative(path.dirname(profileFile), contractFile).split(path.sep).join('/');

  const vocabulary = await loadVocabulary();
  const inferred = inferProfile(loaded.contract, vocabulary, { id, contractRef, ...(rail && { rail }), ...(loaded.lenientBreaks !== undefined && { lenientBreaks: loaded.lenientBreaks }) });
  const schemaRef = (name: string, from: string): string => path.relative(path.dirname(from), path.join(fileURLToPath(SCHEMAS_DIR), name)).split(path.sep).join('/');
  const text = renderProfile(inferred, [
    `yaml-language-server: $schema=${schemaRef('profile.schema.json', profileFile)}`,
    `Written by railgate init from ${path.basename(source)} (${loaded.contract.title} ${loaded.contract.version}).`,
    'Each guess or gap is a comment that starts with TODO, for you to settle; railgate lint lists them.',
  ]);
  const suiteDir = path.join(dir, 'suites', id);
  const scenarios = baselineScenarios(inferred.profile, loaded.contract, schemaRef('scenario.schema.json', path.join(suiteDir, 'x.yaml')));
  const files: PlannedFile[] = [
    { file: profileFile, text },
    ...(contractFile !== source ? [{ file: contractFile, copyOf: source }] : []),
    ...scenarios.map((s) => ({ file: path.join(suiteDir, s.name), text: s.text })),
  ];
  if (!v.force) {
    const there = await existing(files);
    if (there.length > 0) throw new InputError(there);
  }
  // What is written must load as a profile does (the scenarios of a folder that is not there are none): a
  // profile init cannot load is railgate's mistake, and nothing is written.
  await loadPartner(profileFile, path.join(dir, '.railgate-init-check'), { text, contract: loaded.contract });
  await writeAll(files);

  const todos = todoMarkers(profileFile, text).length;
  out.info(`railgate init ${id} · ${loaded.contract.title} ${loaded.contract.version} (${loaded.contract.operations.size} operations, ${loaded.contract.webhooks.size} events)`);
  out.info(`  wrote  ${profileFile}  (${todos} TODO${todos === 1 ? '' : 's'})`);
  if (contractFile !== source) out.info(`  copied ${contractFile}`);
  else out.info(`  contract referenced where it is: ${contractRef}${split && !inside ? ' (it reaches other files by $ref)' : ''}`);
  for (const s of scenarios) out.info(`  wrote  ${path.join(suiteDir, s.name)}`);
  if (scenarios.length === 0) out.info('  no baseline scenario: no transaction was proposed');
  const cd = dir === '.' ? '' : `cd ${dir} && `;
  out.info(`next: settle the TODOs (${cd}railgate lint --partner ${id} lists them), then ${cd}railgate run --partner ${id} --family contract`);
  return 0;
}
