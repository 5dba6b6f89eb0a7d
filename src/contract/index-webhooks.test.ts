import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../test/helpers/workspace.ts';
import { indexWebhooks } from './index-webhooks.ts';
import { loadContract } from './load-contract.ts';
import { isReceiverContract } from './model.ts';

// Issue 17: a webhooks-only contract is a receiver's contract; its events are indexed apart from the operations railgate calls.

const ADYEN = path.resolve(REPO, '../shared/contracts-real/adyen/BalancePlatformTransferNotification-v4.yaml');

describe('indexWebhooks', () => {
  it("reads a 3.1 webhook as an event: payload schema and examples, its own security, documented answers", async () => {
    const c = await loadContract(path.relative(process.cwd(), path.join(REPO, 'test/fixtures/contracts/parcel-hooks.yaml')));
    expect(c.operations.size).toBe(0);
    expect(isReceiverContract(c)).toBe(true);
    expect([...c.webhooks.keys()]).toEqual(['parcel.shipped', 'parcel.lost']);
    const shipped = c.webhooks.get('parcel.shipped')!;
    expect(shipped).toMatchObject({ kind: 'webhook', method: 'post', path: '', pointer: '/webhooks/parcel.shipped/post', mutating: false, security: [{ HookKey: [] }] });
    expect(shipped.requestBody?.content[0]).toMatchObject({ contentType: 'application/json', schemaPointer: '/webhooks/parcel.shipped/post/requestBody/content/application~1json/schema' });
    expect(Object.keys(shipped.requestBody!.content[0]!.examples)).toEqual(['shipped', 'heavy']);
    expect(shipped.responses.map((r) => r.status)).toEqual(['200']);
  });

  it("does not lend the document's security to an event: it is how railgate calls the partner, not how the partner sends", () => {
    const doc = { openapi: '3.1.0', security: [{ ApiKey: [] }], webhooks: { ping: { post: { responses: { '204': { description: 'ok' } } } } } };
    expect(indexWebhooks(doc).get('ping')?.security).toEqual([]);
  });

  it("reads 3.0 callbacks under their operation, named by it, the expression and method added only when needed", () => {
    const cb = (summary: string) => ({ summary, requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'ok' } } });
    const doc = {
      openapi: '3.0.3',
      paths: {
        '/payments': {
          post: {
            operationId: 'createPayment',
            responses: { '201': { description: 'created' } },
            callbacks: {
              onStatus: { '{$request.body#/callbackUrl}': { post: cb('status') } },
              onRefund: { '{$request.body#/a}': { post: cb('a') }, '{$request.body#/b}': { post: cb('b'), put: cb('b again') } },
            },
          },
        },
      },
    };
    const events = indexWebhooks(doc);
    expect([...events.keys()]).toEqual(['createPayment › onStatus', 'createPayment › onRefund {$request.body#/a}', 'createPayment › onRefund {$request.body#/b} PUT', 'createPayment › onRefund {$request.body#/b} POST']);
    expect(events.get('createPayment › onStatus')).toMatchObject({ kind: 'callback', path: '{$request.body#/callbackUrl}', pointer: '/paths/~1payments/post/callbacks/onStatus/{$request.body#~1callbackUrl}/post' });
  });

  it.skipIf(!existsSync(ADYEN))("indexes Adyen's transfer notifications: two webhooks, Basic auth, their named examples", async () => {
    const c = await loadContract(path.relative(process.cwd(), ADYEN));
    expect([...c.webhooks.keys()]).toEqual(['balancePlatform.transfer.created', 'balancePlatform.transfer.updated']);
    const created = c.webhooks.get('balancePlatform.transfer.created')!;
    expect(created.security).toEqual([{ BasicAuth: [] }]);
    expect(Object.keys(created.requestBody!.content[0]!.examples)).toHaveLength(4);
    expect(created.responses[0]).toMatchObject({ status: '200', content: [{ contentType: 'application/json' }] });
  });
});
