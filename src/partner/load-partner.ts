import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { SchemaCompileError, SchemaValidators, loadContract, locateInContract } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { credentialsFor, keyKindProblems } from '../credentials/index.ts';
import { loadProfile } from '../profile/index.ts';
import type { Profile } from '../profile/index.ts';
import { loadScenarios } from '../scenario/index.ts';
import { InputError, closest } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import { loadVocabulary } from '../errors/index.ts';
import { crossCheckProfile } from './cross-check.ts';
import type { Partner } from './model.ts';
import { stepTerms } from './step-terms.ts';

/** A profile held in memory, with its contract already loaded: a partner inferred from a contract (`lint --contract`). */
export interface InMemoryProfile {
  text: string;
  contract: Contract;
}

/** Loads one partner from its profile; contract and scenarios are found relative to the workspace. */
export async function loadPartner(profileFile: string, root: string, inMemory?: InMemoryProfile): Promise<Partner> {
  const { profile, doc } = await loadProfile(profileFile, inMemory?.text);
  const problems: InputProblem[] = [];
  if (!inMemory) problems.push(...idProblems(profile, doc, profileFile));
  const contractFile = fromProfile(profileFile, profile.contract);
  let contract: Contract;
  try {
    contract = inMemory?.contract ?? await loadContract(contractFile, { validation: profile.contractValidation ?? 'strict' });
  } catch (e) {
    throw contractFault(e, doc, contractFile);
  }
  problems.push(...crossCheckProfile(profile, doc, contract));
  // A webhook keyFile is relative to the profile, as the contract is; its key, and the simulator's test keys, are judged now (lint).
  anchorKeyFile(profile, profileFile);
  problems.push(...keyKindProblems(profile, doc, credentialsFor(profile, 'simulator', {}), 'simulator'));
  const suiteDir = path.relative(process.cwd(), path.join(root, 'suites', profile.id));
  let scenarios: Partner['scenarios'] = [];
  try {
    scenarios = await loadScenarios(suiteDir, stepTerms(profile, contract, await loadVocabulary()));
  } catch (e) {
    if (e instanceof InputError) problems.push(...e.problems);
    else throw e;
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    id: profile.id,
    profileFile,
    // Read again (a profile is at most 256 KB): the bytes the user wrote, whatever the YAML reader made of them.
    profileHash: `sha256:${createHash('sha256').update(inMemory?.text ?? (await readFile(profileFile))).digest('hex')}`,
    profile,
    profileDoc: doc,
    contract,
    validators: await validatorsFor(contract),
    scenarios,
    suiteDir,
  };
}

/** The contract's validators; a document ajv cannot even register is the contract's problem, located in it. */
async function validatorsFor(contract: Contract): Promise<SchemaValidators> {
  try {
    return new SchemaValidators(contract.bundled, contract.openapi.startsWith('3.1') ? '3.1' : '3.0');
  } catch (e) {
    if (!(e instanceof SchemaCompileError)) throw e;
    throw new InputError([await locateInContract(contract, e.pointer, `railgate cannot validate against this contract: ${e.reason}`)]);
  }
}

/** A profile's `id` is its file's name: a problem at `id` when it is not. */
export function idProblems(profile: Profile, doc: LocatedDocument, profileFile: string): InputProblem[] {
  const expectedId = path.basename(profileFile).replace(/\.ya?ml$/, '');
  return profile.id === expectedId ? [] : [doc.problem(['id'], `must match the file name '${expectedId}'`)];
}

/** A file the profile names (its contract, a webhook keyFile), written relative to the profile: relative to the working directory. */
export function fromProfile(profileFile: string, file: string): string {
  return path.relative(process.cwd(), path.resolve(path.dirname(profileFile), file));
}

/** A webhook `keyFile` is written relative to the profile, as the contract is: from here on, relative to the working directory. */
export function anchorKeyFile(profile: Profile, profileFile: string): void {
  if (profile.webhooks?.keyFile !== undefined) profile.webhooks.keyFile = fromProfile(profileFile, profile.webhooks.keyFile);
}

/** A contract that cannot be opened is the profile's mistake, at its `contract` key; anything else is located in the contract itself. */
export function contractFault(e: unknown, doc: LocatedDocument, contractFile: string): unknown {
  if (!(e instanceof InputError)) return e;
  const only = e.problems.length === 1 && e.problems[0]?.file === contractFile ? e.problems[0].message : undefined;
  if (only === 'file not found') return new InputError([doc.problem(['contract'], `contract file not found: ${contractFile}`)]);
  if (only && /^is (a directory|not a regular file)/.test(only)) return new InputError([doc.problem(['contract'], `${contractFile} ${only}`)]);
  return e;
}

/** Every partner profile in `<root>/partners/`, or the one named; all problems of all files at once. */
export async function loadPartners(root: string, only?: string): Promise<Partner[]> {
  const partners: Partner[] = [];
  const problems: InputProblem[] = [];
  for (const f of await profileFiles(root, only)) {
    try {
      partners.push(await loadPartner(f, root));
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return partners;
}

/** The profile files in `<root>/partners/` (relative to the working directory), or the one named: a name none has is a problem. */
export async function profileFiles(root: string, only?: string): Promise<string[]> {
  const dir = path.join(root, 'partners');
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new InputError([{ file: path.relative(process.cwd(), dir) || dir, line: 1, col: 1, path: '', message: 'no partners folder: run railgate from the project root, or start one with railgate init <id> --contract FILE (railgate lint --contract FILE needs no profile)' }]);
  }
  const ids = files.map((f) => f.replace(/\.ya?ml$/, ''));
  if (only && !ids.includes(only)) {
    const hint = closest(only, ids);
    throw new InputError([{ file: path.relative(process.cwd(), dir) || dir, line: 1, col: 1, path: '', message: `no partner '${only}' (partners: ${ids.join(', ') || 'none'}${hint ? `; did you mean '${hint}'?` : ''})` }]);
  }
  const chosen = only ? files.filter((f) => f.replace(/\.ya?ml$/, '') === only) : files;
  return chosen.map((f) => path.relative(process.cwd(), path.join(dir, f)));
}
