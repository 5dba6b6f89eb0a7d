import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemaValidators, loadContract } from '../../contract/index.ts';
import type { Profile } from '../../profile/index.ts';
import { REPO } from '../../../test/helpers/workspace.ts';
import { lintContract } from './lint-contract.ts';

const profile: Profile = { id: 'x', name: 'X', contract: 'c', rails: ['BR-PIX'], environments: {}, idempotency: { header: 'Idempotency-Key', operations: ['createPayout'] } };

describe('lintContract', () => {
  it('finds every way a contract is unfit for launch, one rule each', async () => {
    const c = await loadContract(path.join(REPO, 'test/fixtures/contracts/unfit.yaml'), { validation: 'lenient' });
    const findings = lintContract(c, new SchemaValidators(c.bundled, '3.1'), profile).map((f) => `${f.rule}: ${f.message.replace(/^.*unfit\.yaml/, 'unfit.yaml')}`);
    expect(findings).toEqual([
      'openapi-schema: unfit.yaml:18:31  paths["/payouts"].post.responses[201].content["application/json"].schema.$ref: $ref target #/components/schemas/Missing does not exist; treated as an open schema',
      'error-responses: createPayout documents no 4xx response',
      'security: createPayout declares no security requirement',
      "examples-valid: createPayout request body example 'bad': /amount must be integer",
      'idempotency-header: createPayout does not document the Idempotency-Key header',
    ]);
  });

  it('finds nothing in the example partner contract', async () => {
    const c = await loadContract(path.join(REPO, 'contracts/pixpay/pixpay.openapi.yaml'));
    expect(lintContract(c, new SchemaValidators(c.bundled, '3.1'), { ...profile, idempotency: { header: 'Idempotency-Key', operations: ['createPayout'] } })).toEqual([]);
  });
});
