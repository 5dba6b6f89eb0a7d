import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../contract/index.ts';
import type { Contract } from '../contract/index.ts';
import { REPO } from '../../test/helpers/workspace.ts';
import { idInAnswer, idSourcesOf } from './id-sources.ts';
import type { IdSource } from './id-sources.ts';

let contract: Contract;
beforeAll(async () => {
  contract = await loadContract(path.join(REPO, 'test/fixtures/contracts/requests-generated.yaml'));
});

const sources = (opId: string, transactions = {}) => idSourcesOf(contract, transactions, contract.operations.get(opId)!).map((s) => ({ ...s, create: s.create.id }));

describe('idSourcesOf', () => {
  it('finds the POST on the path before each parameter, the last parameter first', () => {
    expect(sources('getCapture')).toEqual([
      { param: 'captureId', create: 'createCapture', pointers: ['/id'], resource: 'capture' },
      { param: 'paymentId', create: 'createPayment', pointers: ['/id'], resource: 'payment' },
    ]);
    expect(sources('createCapture')).toEqual([{ param: 'paymentId', create: 'createPayment', pointers: ['/id'], resource: 'payment' }]);
  });

  it("follows an OpenAPI link of the create's answer to where it says the id is", () => {
    expect(sources('getPayment')).toEqual([{ param: 'paymentId', create: 'createPayment', pointers: ['/reference', '/id'], resource: 'payment' }]);
  });

  it("takes the profile transaction's create and id pointer for its read", () => {
    const transactions = { capture: { create: 'createRefund', read: 'getCapture', idParam: 'captureId', id: '/capture/reference' } };
    expect(sources('getCapture', transactions)[0]).toEqual({ param: 'captureId', create: 'createRefund', pointers: ['/capture/reference', '/id'], resource: 'capture' });
  });

  it('gives nothing for a parameter no create of the contract makes', () => {
    expect(sources('updateVendor')).toEqual([]);
  });
});

describe('idInAnswer', () => {
  const source = (param: string, resource: string, pointers = ['/id']): IdSource => ({ param, resource, pointers, create: contract.operations.get('createPayment')! });

  it.each([
    ['at a pointer', { id: 'pay_1' }, 'paymentId', 'payment', 'pay_1'],
    ['in a field named as the parameter', { data: { payment_id: 'pay_2' } }, 'paymentId', 'payment', 'pay_2'],
    ['in the id of an object named as the resource', { customer: { id: 'cus_3', email: 'a@b.c' } }, 'customer_id', 'customer', 'cus_3'],
    ['a number', { transferId: 4 }, 'transferId', 'transfer', 4],
    ['in an object whose name ends with the resource', { loyalty_account: { id: 'la_5', program_id: 'p_1' } }, 'account_id', 'account', 'la_5'],
    ['in an object named as the end of the resource', { refund: { id: 'tr_6', payment_id: 'pay_7' } }, 'terminal_refund_id', 'terminal_refund', 'tr_6'],
    ['in the only object of the answer', { catalog_entry: { id: 'cat_8' }, errors: [] }, 'item_id', 'item', 'cat_8'],
  ])('finds an id %s', (_, body, param, resource, id) => {
    expect(idInAnswer(body, source(param, resource))).toBe(id);
  });

  it('finds none in an answer without one', () => {
    expect(idInAnswer({ errors: [{ code: 'NOT_FOUND' }] }, source('paymentId', 'payment'))).toBeUndefined();
    expect(idInAnswer({ payment: { id: 'pay_1' }, refund: { id: 'ref_1' } }, source('capture_id', 'capture'))).toBeUndefined();
    expect(idInAnswer(undefined, source('paymentId', 'payment'))).toBeUndefined();
  });
});
