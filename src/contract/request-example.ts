import type { MediaSpec, Operation } from './model.ts';

/** An operation's request body media: its JSON one, else the first. */
export function requestMedia(op: Operation): MediaSpec | undefined {
  return op.requestBody?.content.find((m) => /json/.test(m.contentType)) ?? op.requestBody?.content[0];
}

/**
 * The contract's first request body example of an operation (its JSON media, else the first one), as a
 * copy callers may change; undefined when the contract gives none. Probes, idempotency and transaction
 * checks and scenario steps all start from it.
 */
export function requestExample(op: Operation): unknown {
  const media = requestMedia(op);
  const example = media ? Object.values(media.examples)[0] : undefined;
  return example === undefined ? undefined : structuredClone(example);
}
