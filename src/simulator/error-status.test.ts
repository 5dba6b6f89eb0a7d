import { describe, expect, it } from 'vitest';
import type { Operation } from '../contract/index.ts';
import { documentedErrorStatus } from './error-status.ts';

function documenting(...statuses: string[]): Operation {
  return { id: 'op', method: 'post', path: '/x', pointer: '', tags: [], parameters: [], security: [], mutating: true, responses: statuses.map((status) => ({ status, description: '', content: [], headers: [] })) };
}

describe('the status an error the simulator must give goes out with', () => {
  it.each([
    ['documented as wanted', 400, ['200', '400', '422'], { status: 400 }],
    ['a bad request where only 422 is documented', 400, ['200', '422'], { status: 422 }],
    ['an unknown resource where only 410 is', 404, ['200', '410'], { status: 410 }],
    ['a create under an unknown parent where 404 is not documented but 422 is', 404, ['201', '422'], { status: 422 }],
    ['the class documented', 404, ['200', '4XX'], { status: 404 }],
    ['default documented', 409, ['200', 'DEFAULT'], { status: 409 }],
  ] as const)('%s', (_what, wanted, statuses, expected) => {
    expect(documentedErrorStatus(documenting(...statuses), wanted)).toEqual(expected);
  });

  it('is a limitation when the operation documents no error, or none that says the same', () => {
    expect(documentedErrorStatus(documenting('200'), 400)).toEqual({ limitation: 'op documents no error answer, so the simulator cannot say 400 here' });
    // A 401 for a bad request would send a client to rotate its keys.
    expect(documentedErrorStatus(documenting('200', '401'), 400)).toEqual({ limitation: 'op documents 401, none of which says what a 400 says' });
  });
});
