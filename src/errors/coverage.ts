import { UNMAPPED } from './map-error.ts';
import type { CoverageRow, ErrorCoverage, ErrorMapEntry, ErrorObservation, UnmappedObservation } from './types.ts';

/**
 * How much of `errors.map` a run exercised, and what it saw that nothing maps. A mapped code is
 * exercised when some observation carries it; its matrix rows are one per status it came back with.
 * Unmapped: observations with a partner code the map lacks, or with no code and no status rule
 * (canonical UNMAPPED), once per code, status and operation. An empty map has coverage 1.
 */
export function errorCoverage(
  map: Readonly<Record<string, ErrorMapEntry>>,
  observations: readonly ErrorObservation[],
): ErrorCoverage {
  const statusesByCode = new Map<string, Set<number>>();
  const unmapped = new Map<string, UnmappedObservation>();
  for (const { partnerCode, status, canonical, operationId } of observations) {
    if (partnerCode !== undefined && Object.hasOwn(map, partnerCode)) {
      statusesByCode.set(partnerCode, (statusesByCode.get(partnerCode) ?? new Set()).add(status));
    } else if (partnerCode !== undefined || canonical === UNMAPPED) {
      const key = JSON.stringify([partnerCode ?? null, status, operationId]);
      unmapped.set(key, { ...(partnerCode !== undefined && { code: partnerCode }), status, operationId });
    }
  }
  const matrix = Object.entries(map).flatMap(([code, { canonical }]): CoverageRow[] => {
    const statuses = statusesByCode.get(code);
    if (statuses === undefined) return [{ code, canonical, exercised: false }];
    return [...statuses].sort((a, b) => a - b).map((status) => ({ code, status, canonical, exercised: true }));
  });
  const total = Object.keys(map).length;
  return {
    coverage: total === 0 ? 1 : statusesByCode.size / total,
    matrix,
    unmapped: [...unmapped.values()],
  };
}
