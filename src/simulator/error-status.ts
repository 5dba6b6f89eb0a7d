import type { Operation } from '../contract/index.ts';

/**
 * Statuses close to each other in what they tell a client, closest first: a bad request may be said 422, an
 * unknown resource 410 or, for a create under an unknown parent, 422. Auth and rate limits have no stand-in:
 * a 401 for a bad request would send a client to rotate its keys.
 */
const NEAR: Readonly<Record<number, readonly number[]>> = {
  400: [400, 422, 409, 412, 415],
  401: [401, 403],
  403: [403, 401],
  404: [404, 410, 422, 400],
  409: [409, 422, 400],
  410: [410, 404],
  412: [412, 409, 422, 400],
  415: [415, 400, 422],
  422: [422, 400, 409],
  429: [429],
  500: [500, 502, 503],
  502: [502, 500, 503],
  503: [503, 500, 502],
};

/** The status an error answer goes out with, or why the simulator cannot answer it within the contract. */
export type ErrorStatus = { status: number } | { limitation: string };

/**
 * The documented status for an error the simulator must give (a bad request, an unknown resource, an auth failure,
 * a trigger): the one wanted when the operation documents it, else the closest documented one of the same family
 * (NEAR), else the wanted one under the documented class (`4XX`) or `default`. An operation that documents none
 * of them gives the simulator no way to say it: a limitation (answered 501, limitation.ts), never an invented status.
 */
export function documentedErrorStatus(op: Operation, wanted: number): ErrorStatus {
  const documented = new Set(op.responses.map((r) => r.status));
  const near = (NEAR[wanted] ?? [wanted]).find((s) => documented.has(String(s)));
  if (near !== undefined) return { status: near };
  if (documented.has(`${String(wanted)[0]}XX`) || documented.has('DEFAULT')) return { status: wanted };
  const errors = op.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
  return {
    limitation: errors.length === 0
      ? `${op.id} documents no error answer, so the simulator cannot say ${wanted} here`
      : `${op.id} documents ${errors.join(', ')}, none of which says what a ${wanted} says`,
  };
}
