import { describe, expect, test } from 'vitest';
import { InputError } from '../source/index.ts';
import { loadContract, loadOperations } from './load-contract.ts';

// What `sign` reads of a contract (issue 13): its operations, without the checks that make `lint` and `run` refuse one.
describe('loadOperations', () => {
  test('indexes the operations loadContract indexes, across files', async () => {
    const file = 'contracts/pixpay/pixpay.openapi.yaml';
    const [full, light] = await Promise.all([loadContract(file), loadOperations(file)]);
    expect([...light.operations.keys()]).toEqual([...full.operations.keys()]);
    expect(light.operations.get('createPayout')).toEqual(full.operations.get('createPayout'));
    expect(light.servers).toEqual(full.servers);
  });

  test('reads a contract strict loading refuses: a missing $ref target is an open schema', async () => {
    const file = 'test/fixtures/contracts/missing-ref.yaml';
    await expect(loadContract(file)).rejects.toBeInstanceOf(InputError);
    expect([...(await loadOperations(file)).operations.keys()]).toEqual(['getPayout']);
  });

  test('a file that is not there is a located problem', async () => {
    await expect(loadOperations('contracts/none.yaml')).rejects.toThrow(InputError);
  });
});
