import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Vocabulary } from '../errors/index.ts';
import { loadPartner } from '../partner/index.ts';
import { InputError, SCHEMAS_DIR } from '../source/index.ts';
import { baselineScenarios } from './baseline-scenarios.ts';
import { inferProfile } from './infer-profile.ts';
import type { OnboardingContract } from './load-for-onboarding.ts';
import { renderProfile } from './render-profile.ts';
import { todoMarkers } from './todo-markers.ts';
import { existing, writeAll } from './write-all.ts';
import type { PlannedFile } from './write-all.ts';

export interface InitOptions {
  id: string;
  /** The contract file as given. */
  source: string;
  loaded: OnboardingContract;
  vocabulary: Vocabulary;
  rail?: string;
  /** The project folder written into. */
  dir: string;
  force?: boolean;
}

export interface InitResult {
  profileFile: string;
  /** Where the contract was copied; absent when it is referenced where it sits. */
  copiedTo?: string;
  contractRef: string;
  /** The contract reaches other files by `$ref`: referenced, not copied. */
  split: boolean;
  scenarioFiles: string[];
  /** How many transactions the profile proposes (a baseline scenario is written for those it can create). */
  transactions: number;
  todos: number;
}

/**
 * What `railgate init` does: infer the profile and baseline scenarios from the loaded contract, refuse files that
 * exist (unless `force`), load the profile as lint will (a profile init cannot load is railgate's mistake), then
 * write every file or none. The contract is referenced where it sits inside `dir`, else copied under
 * contracts/<id>/ — unless it reaches other files by $ref, which a copy of one file would lose.
 */
export async function initPartner(o: InitOptions): Promise<InitResult> {
  const profileFile = path.join(o.dir, 'partners', `${o.id}.yaml`);
  const inside = !path.relative(path.resolve(o.dir), path.resolve(o.source)).startsWith('..');
  const split = /"?\$ref"?\s*:\s*["']?(?!#)[^\s"']/.test(await readFile(o.source, 'utf8'));
  const contractFile = inside || split ? o.source : path.join(o.dir, 'contracts', o.id, path.basename(o.source));
  const contractRef = path.relative(path.dirname(profileFile), contractFile).split(path.sep).join('/');
  const contract = o.loaded.contract;
  const inferred = inferProfile(contract, o.vocabulary, { id: o.id, contractRef, ...(o.rail && { rail: o.rail }), ...(o.loaded.lenientBreaks !== undefined && { lenientBreaks: o.loaded.lenientBreaks }) });
  const schemaRef = (name: string, from: string): string => path.relative(path.dirname(from), path.join(fileURLToPath(SCHEMAS_DIR), name)).split(path.sep).join('/');
  const text = renderProfile(inferred, [
    `yaml-language-server: $schema=${schemaRef('profile.schema.json', profileFile)}`,
    `Written by railgate init from ${path.basename(o.source)} (${contract.title} ${contract.version}).`,
    'Each guess or gap is a comment that starts with TODO, for you to settle; railgate lint lists them.',
  ]);
  const suiteDir = path.join(o.dir, 'suites', o.id);
  const scenarios = baselineScenarios(inferred.profile, contract, schemaRef('scenario.schema.json', path.join(suiteDir, 'x.yaml')));
  const files: PlannedFile[] = [
    { file: profileFile, text },
    ...(contractFile !== o.source ? [{ file: contractFile, copyOf: o.source }] : []),
    ...scenarios.map((s) => ({ file: path.join(suiteDir, s.name), text: s.text })),
  ];
  if (!o.force) {
    const there = await existing(files);
    if (there.length > 0) throw new InputError(there);
  }
  // Profile and scenarios loaded as lint will load them, from a scratch folder, before a byte is written: what
  // init could not load would be railgate's mistake, never the user's.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'railgate-init-'));
  try {
    await mkdir(path.join(scratch, 'suites', o.id), { recursive: true });
    for (const s of scenarios) await writeFile(path.join(scratch, 'suites', o.id, s.name), s.text);
    await loadPartner(profileFile, scratch, { text, contract });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await writeAll(files);
  return {
    profileFile,
    ...(contractFile !== o.source && { copiedTo: contractFile }),
    contractRef,
    split: split && !inside,
    scenarioFiles: scenarios.map((s) => path.join(suiteDir, s.name)),
    transactions: Object.keys(inferred.profile.transactions ?? {}).length,
    todos: todoMarkers(profileFile, text).length,
  };
}
