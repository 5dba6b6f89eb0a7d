import { splitPointer } from '../json/index.ts';
import { readLocatedYaml } from '../source/index.ts';
import { CONTRACT_READ } from './contract-files.ts';
import type { InputProblem } from '../source/index.ts';
import type { Contract } from './model.ts';

/**
 * Where a pointer into the bundled document sits in the contract's root file: the place itself, or the
 * `$ref` that brings it in from another file. The file is read again rather than kept in memory with its
 * positions for every load: only a problem found after loading (a schema ajv refuses) needs it.
 */
export async function locateInContract(contract: Pick<Contract, 'file'>, pointer: string, message: string): Promise<InputProblem> {
  const [problem] = await locateAllInContract(contract, [{ pointer, message }]);
  return problem!;
}

/** Many places at once: the contract's file is read once however many findings it has (Square's is 3 MB). */
export async function locateAllInContract(contract: Pick<Contract, 'file'>, items: ReadonlyArray<{ pointer: string; message: string }>): Promise<InputProblem[]> {
  if (items.length === 0) return [];
  const located = await readLocatedYaml(contract.file, CONTRACT_READ);
  return items.map(({ pointer, message }) => located.problem(splitPointer(pointer), message));
}
