import { generateSync } from 'json-schema-faker';
import type { JsonSchema } from 'json-schema-faker';
import type { Contract, MediaSpec, Operation, ResponseSpec } from '../contract/index.ts';
import { getPointer, setPointer, toPointer } from '../json/index.ts';

/** The success response the simulator gives: 201 for a create when documented, else the first 2xx. */
export function successResponse(op: Operation): ResponseSpec | undefined {
  const ok = op.responses.filter((r) => /^2/.test(r.status));
  return ok.find((r) => r.status === '201') ?? ok.find((r) => r.status === '200') ?? ok[0];
}

export function jsonMedia(spec: ResponseSpec | undefined): MediaSpec | undefined {
  return spec?.content.find((m) => /json/.test(m.contentType)) ?? spec?.content[0];
}

/** A body for a media: its first example, else one generated from the schema with the simulator's seed. */
export function sampleBody(contract: Contract, media: MediaSpec | undefined, seed: number): unknown {
  if (!media) return undefined;
  const first = Object.values(media.examples)[0];
  if (first !== undefined) return structuredClone(first);
  if (!media.schemaPointer) return undefined;
  const schema = getPointer(contract.bundled, media.schemaPointer) as JsonSchema;
  return generateSync(schema, {
    seed,
    optionalsProbability: 1,
    maxDepth: 6,
    refResolver: (ref: string) => getPointer(contract.bundled, ref.replace(/^#/, '')) as JsonSchema,
  });
}

/**
 * The partner's documented error body for a code: the example of that status carrying the code when the
 * contract has one, else the status's sample with code and message written where the profile says.
 */
export function errorBody(contract: Contract, op: Operation, spec: ResponseSpec | undefined, code: string | undefined, message: string, where: { code?: string; message?: string }, seed: number): unknown {
  const media = jsonMedia(spec);
  if (!media) return { error: { code, message } };
  const codeAt = where.code ? toPointer(where.code) : undefined;
  if (code && codeAt) {
    const match = Object.values(media.examples).find((ex) => getPointer(ex, codeAt) === code);
    if (match !== undefined) return structuredClone(match);
  }
  const body = sampleBody(contract, media, seed) ?? {};
  if (code && codeAt) setPointer(body, codeAt, code);
  if (where.message) setPointer(body, toPointer(where.message), message);
  return body;
}
