import { mapError } from '../../errors/index.ts';
import type { ErrorObservation, ErrorsSpec, MappedBy, Vocabulary } from '../../errors/index.ts';
import type { Exchange } from '../../http/index.ts';

/** An error answer seen in the run, mapped, with the request that produced it. */
export interface SeenError extends ErrorObservation {
  seq: number;
  /** 'POST /v2/payouts' */
  request: string;
  mappedBy: MappedBy;
}

/**
 * Every error answer among a run's exchanges for an operation of the contract (any status but 2xx), mapped onto the vocabulary. Exchanges
 * without a response (timeouts, resets) carry no partner code: the retry family judges those.
 */
export function observeErrors(exchanges: readonly Exchange[], spec: ErrorsSpec, vocabulary: Vocabulary): SeenError[] {
  return exchanges.flatMap((e): SeenError[] => {
    // A request for no operation of the contract (a method a path does not document): its code is outside the contract.
    if (!e.response || e.request.operationId === undefined) return [];
    const mapped = mapError({ status: e.response.status, body: e.response.body }, spec, vocabulary);
    if (!mapped) return [];
    const request = `${e.request.method} ${new URL(e.request.url).pathname}`;
    return [
      {
        ...(mapped.partnerCode !== undefined && { partnerCode: mapped.partnerCode }),
        status: e.response.status,
        canonical: mapped.canonical,
        operationId: e.request.operationId,
        seq: e.seq,
        request,
        mappedBy: mapped.mappedBy,
      },
    ];
  });
}

/** One line per error nothing maps, naming the code and the request: "'X' (HTTP 422) from exchange #4 POST /v2/payouts (createPayout)". */
export function describeUnmapped(seen: readonly SeenError[]): string[] {
  return seen
    .filter((s) => s.mappedBy === 'unmapped')
    .map((s) => {
      const what = s.partnerCode === undefined ? `an error without a partner code and no byStatus rule` : `partner code '${s.partnerCode}'`;
      return `${what} (HTTP ${s.status}) from exchange #${s.seq} ${s.request} (${s.operationId})`;
    });
}
