import { setupServer } from 'msw/node';
import { expect, it } from 'vitest';
import type { OperationHandler } from './handlers.ts';
import { jsonAnswer } from './answer.ts';
import { mswHandlers } from './msw-handlers.ts';
import { createRouter } from './router.ts';

it('in-process, a path parameter is percent-decoded once, as the loopback router reads it', async () => {
  const seen: string[] = [];
  const op = { route: { op: { method: 'get', path: '/payouts/{id}' } }, answer: (req) => (seen.push(req.pathParams.id!), jsonAnswer({}, 200)) } as OperationHandler;
  const server = setupServer(...mswHandlers('/v1', [op]));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    await fetch('http://partner.test/v1/payouts/po%2541%20x');
  } finally {
    server.close();
  }
  expect(seen).toEqual(['po%41 x']);
  expect(createRouter('/v1', [op])('GET', '/v1/payouts/po%2541%20x')?.pathParams).toEqual({ id: 'po%41 x' });
});
