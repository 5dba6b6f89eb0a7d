import { createRequire } from 'node:module';
import type * as Msw from 'msw';
import type { HttpHandler } from 'msw';
import { answerResponse } from './answer.ts';
import type { OperationHandler } from './handlers.ts';

/**
 * The simulator's operations as msw request handlers, for anyone's own tests in-process (setupServer): msw
 * matches the path and parses the request, the operation answers, and the answer becomes a fetch Response.
 * The loopback server does not go through here (router.ts, docs/decisions/simulator.md).
 */
export function mswHandlers(base: string, operations: readonly OperationHandler[]): HttpHandler[] {
  // msw (and graphql with it) is loaded here, at the first use of the handlers, not at every simulator's start.
  const { http } = createRequire(import.meta.url)('msw') as typeof Msw;
  return operations.map(({ route, answer }) => {
    const pattern = `*${base}${route.op.path.replace(/\{([^}]+)\}/g, ':$1')}`;
    return http[route.op.method as 'get'](pattern, async ({ request, params }) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((v, k) => (headers[k] = v));
      // msw has percent-decoded the params once already (path-to-regexp's decode); a second decoding read `%2541` as `A`.
      const pathParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
      return answerResponse(await answer({ method: request.method, url: new URL(request.url), headers, body: await request.text(), pathParams }));
    });
  });
}
