import type { Operation } from './model.ts';

/**
 * The contract's first request body example of an operation (its JSON media, else the first one), as a
 * copy callers may change; undefined when the contract gives none. Probes, idempotency and transaction
 * checks and scenario steps all start from it.
 */
export function requestExample(op: Operation): unknown {
  const media = op.requestBody?.content.find((m) => /json/.test(m.contentType)) ?? op.requestBody?.content[0];
  const example = media ? Object.values(media.examples)[0] : undefined;
  return example === undefined ? undefined : structuredClone(example);
}
