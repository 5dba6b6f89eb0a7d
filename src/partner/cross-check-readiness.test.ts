import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../profile/index.ts';
import { formatInputProblem, parseLocatedYaml } from '../source/index.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import type { Partner } from './model.ts';
import { crossCheckProfile } from './cross-check.ts';

let pixpay: Partner;
beforeAll(async () => {
  pixpay = await loadExamplePartner('pixpay');
});

function problems(readiness: string): string[] {
  const doc = parseLocatedYaml('p.yaml', `id: p\nreadiness:\n${readiness}`);
  return crossCheckProfile(doc.data as Profile, doc, pixpay.contract).map(formatInputProblem);
}

describe('readiness: the operations and families a profile names', () => {
  it('accepts operations of the contract, used or excluded with a reason', () => {
    expect(problems('  operations: [createPayout, getPayout]\n  excludeOperations: { listCharges: the integration never lists charges }\n')).toEqual([]);
  });

  it('names an operation the contract lacks, where it is written, with the closest one', () => {
    expect(problems('  operations: [createPayout, getPayot]\n  excludeOperations: { listCharge: never listed }\n')).toEqual([
      "p.yaml:3:30  readiness.operations[1]: operation 'getPayot' is not in the contract (did you mean 'getPayout'?)",
      "p.yaml:4:36  readiness.excludeOperations.listCharge: operation 'listCharge' is not in the contract (did you mean 'listCharges'?)",
    ]);
  });

  it('refuses a family both required and excluded', () => {
    expect(problems('  required: [contract, retry]\n  exclude: { retry: the integration never retries }\n')).toEqual(["p.yaml:4:21  readiness.exclude.retry: family 'retry' is excluded and also listed in readiness.required: keep one"]);
  });
});
