import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../test/helpers/workspace.ts';
import { SchemaValidators, loadContract } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { generateBody } from './generate-body.ts';

// json-schema-faker alone broke these schemas (issue 17): `x-anyOf` came out as a field, a `oneOf` whose branches
// differ by an optional discriminator came out `{}` (every branch matched), recursion was cut into placeholders.

const FIXTURES = path.join(REPO, 'test/fixtures/contracts');

async function load(file: string): Promise<{ contract: Contract; validators: SchemaValidators }> {
  const contract = await loadContract(path.join(FIXTURES, file));
  return { contract, validators: new SchemaValidators(contract.bundled, '3.1') };
}

describe('generateBody', () => {
  let kept: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    kept = await load('self-kept.yaml');
  });

  it.each(['PayoutResult', 'Transfer', 'Authorization', 'Capture', 'Category', 'Report', 'Error'])('%s: a body its schema accepts, the same for the same seed', (name) => {
    const pointer = `/components/schemas/${name}`;
    const { body, issues } = generateBody(kept.contract.bundled, kept.validators, pointer, 5);
    expect(issues).toEqual([]);
    expect(kept.validators.validate(pointer, body)).toEqual([]);
    expect(generateBody(kept.contract.bundled, kept.validators, pointer, 5).body).toEqual(body);
  });

  it('binds a discriminator to the branch it generates', () => {
    const { body } = generateBody(kept.contract.bundled, kept.validators, '/components/schemas/Transfer', 5);
    expect((body as { categoryData: { type: string } }).categoryData.type).toMatch(/^(bank|card)$/);
  });

  it('leaves out an optional part that could only repeat itself forever, and says so of a required one', async () => {
    const endless = await load('cycles-endless.yaml');
    const entry = generateBody(endless.contract.bundled, endless.validators, '/components/schemas/Entry', 1);
    expect(entry.issues).toEqual([]);
    expect(entry.body).not.toHaveProperty('chain');
    // Every Chain must hold another: no finite body satisfies it.
    expect(generateBody(endless.contract.bundled, endless.validators, '/components/schemas/Chain', 1).issues).not.toEqual([]);
  });
});
