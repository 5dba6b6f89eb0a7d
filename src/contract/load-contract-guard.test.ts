import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError, formatInputProblem } from '../source/index.ts';
import { REPO } from '../../test/helpers/workspace.ts';
import { loadContract } from './load-contract.ts';

// A defect planted deep inside loading (indexing operations throws as a bug would): the loader still answers
// with one input problem that names the contract and the step, so lint and run say which contract they could
// not load instead of stopping on an internal error.
vi.mock('./index-operations.ts', () => ({
  indexOperations: () => {
    throw new TypeError("Cannot read properties of null (reading 'url')");
  },
}));

describe('loadContract, last resort', () => {
  it('turns any failure inside it into a problem located in the contract', async () => {
    const file = path.relative(process.cwd(), path.join(REPO, 'test/fixtures/contracts/nullable-3.1.yaml'));
    const failure = await loadContract(file).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).problems.map(formatInputProblem)).toEqual([
      `${file}:1:1  railgate could not load this contract (while indexing its operations): Cannot read properties of null (reading 'url')`,
    ]);
  });
});
