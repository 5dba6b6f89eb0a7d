import { describe, expect, test } from 'vitest';
import { responseHeaders, splitRequestHeaders } from './headers.ts';

const options = { operationHeader: 'x-railgate-operation', checkHeader: 'x-railgate-check', logHeaders: new Set(['idempotency-key']) };

describe('splitRequestHeaders', () => {
  test('keeps end-to-end headers in order, case and repetition; drops hop-by-hop, framing and host', () => {
    const split = splitRequestHeaders(
      ['Host', 'proxy:1', 'Connection', 'keep-alive', 'X-A', '1', 'Content-Length', '3', 'x-a', '2', 'TE', 'trailers', 'Expect', '100-continue'],
      options,
    );
    expect(split.forward).toEqual(['X-A', '1', 'x-a', '2']);
    expect(split.hasBody).toBe(true);
  });

  test('takes the operation id and the check out and copies logged headers', () => {
    const split = splitRequestHeaders(['X-Railgate-Operation', 'createPayout', 'X-Railgate-Check', '12', 'Idempotency-Key', 'k1', 'idempotency-key', 'k2'], options);
    expect(split.operationId).toBe('createPayout');
    expect(split.check).toBe('12');
    expect(split.logged).toEqual({ 'idempotency-key': 'k1, k2' });
    expect(split.forward).toEqual(['Idempotency-Key', 'k1', 'idempotency-key', 'k2']);
  });

  test('drops the headers that Connection names', () => {
    const split = splitRequestHeaders(['X-Hop', 'a', 'Connection', 'close, X-Hop', 'X-Keep', 'b'], options);
    expect(split.forward).toEqual(['X-Keep', 'b']);
  });

  test.each([
    [['Content-Length', '0'], false],
    [['Transfer-Encoding', 'chunked'], true],
    [[], false],
  ])('announces a body for %j: %s', (raw, hasBody) => {
    expect(splitRequestHeaders(raw, options).hasBody).toBe(hasBody);
  });
});

test('responseHeaders drops hop-by-hop headers and keeps the length', () => {
  expect(responseHeaders({ connection: 'keep-alive', 'keep-alive': 'timeout=5', 'content-length': '3', 'set-cookie': ['a', 'b'] })).toEqual({
    'content-length': '3',
    'set-cookie': ['a', 'b'],
  });
});
