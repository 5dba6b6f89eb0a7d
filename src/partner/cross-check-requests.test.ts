import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatInputProblem, InputError } from '../source/index.ts';
import { copyWorkspace } from '../../test/helpers/workspace.ts';
import { loadPartner } from './load-partner.ts';

let ws: Awaited<ReturnType<typeof copyWorkspace>>;
beforeEach(async () => {
  ws = await copyWorkspace();
});
afterEach(() => ws.dispose());

const PROFILE = 'partners/eurocard.yaml';

/** EuroCard's profile with a `requests` section appended (its line 271 on), loaded as `railgate run` loads it. */
async function load(requests: string): Promise<{ problems: string[]; partner?: Awaited<ReturnType<typeof loadPartner>> }> {
  await ws.edit(PROFILE, /\s*$/, `\nrequests:\n${requests}`);
  const file = path.relative(process.cwd(), path.join(ws.dir, PROFILE));
  try {
    return { problems: [], partner: await loadPartner(file, ws.dir) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { problems: e.problems.map((p) => formatInputProblem(p).replace(file, PROFILE)) };
  }
}

describe('the profile section requests', () => {
  it('loads pins for operations of the contract, typed', async () => {
    const { problems, partner } = await load("  getPayment:\n    params: { paymentId: pay_8K2D4M7Q1X }\n  authorizePayment:\n    body: { merchantAccount: RG-TEST, card: { cvc: null } }\n    headers: { X-Merchant: eu-1 }\n");
    expect(problems).toEqual([]);
    expect(partner?.profile.requests).toEqual({
      getPayment: { params: { paymentId: 'pay_8K2D4M7Q1X' } },
      authorizePayment: { body: { merchantAccount: 'RG-TEST', card: { cvc: null } }, headers: { 'X-Merchant': 'eu-1' } },
    });
  });

  it('locates an operation the contract lacks, a path parameter the operation lacks and a body it does not take', async () => {
    const { problems } = await load('  getPaymnt:\n    params: { paymentId: pay_8K2D4M7Q1X }\n  getCapture:\n    params: { paymentId: pay_8K2D4M7Q1X }\n  getPayment:\n    body: { amount: 1 }\n');
    expect(problems).toEqual([
      "partners/eurocard.yaml:277:5  requests.getPaymnt: operation 'getPaymnt' is not in the contract (did you mean 'getPayment'?)",
      "partners/eurocard.yaml:279:15  requests.getCapture.params.paymentId: getCapture (/captures/{captureId}) has no path parameter 'paymentId' (its path parameters: captureId)",
      'partners/eurocard.yaml:281:5  requests.getPayment.body: getPayment documents no request body: there is nothing to merge the pinned body into',
    ]);
  });

  it('locates a pin of the wrong shape at its key', async () => {
    const { problems } = await load('  getPayment:\n    param: { paymentId: pay_8K2D4M7Q1X }\n');
    expect(problems).toEqual(["partners/eurocard.yaml:277:5  requests.getPayment.param: unknown key (did you mean 'params'?)"]);
  });
});
