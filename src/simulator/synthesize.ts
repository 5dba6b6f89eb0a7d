import { fittingExample, schemaDeclares, validSample } from '../contract/index.ts';
import type { Contract, MediaSpec, Operation, ResponseSpec, SchemaValidators } from '../contract/index.ts';
import { getPointer, setPointer, toPointer } from '../json/index.ts';

/** The success response the simulator gives: 201 for a create when documented, else the first 2xx. */
export function successResponse(op: Operation): ResponseSpec | undefined {
  // Asked at every create, read and list: chosen once per operation.
  if (successes.has(op)) return successes.get(op);
  const ok = op.responses.filter((r) => /^2/.test(r.status));
  const chosen = ok.find((r) => r.status === '201') ?? ok.find((r) => r.status === '200') ?? ok[0];
  successes.set(op, chosen);
  return chosen;
}

const successes = new WeakMap<Operation, ResponseSpec | undefined>();

export function jsonMedia(spec: ResponseSpec | undefined): MediaSpec | undefined {
  return spec?.content.find((m) => /json/.test(m.contentType)) ?? spec?.content[0];
}

/**
 * A body for a media: its first example that its schema accepts, else one generated valid from the schema with
 * the simulator's seed (validSample, as an answer; the least wrong one when none validates). An example that
 * breaks its own schema (Adyen's transfer, whose `categoryData` matches several `oneOf` branches) is the
 * contract's self-contradiction, reported by lint; the simulator never repeats it.
 */
export function sampleBody(contract: Contract, validators: SchemaValidators, media: MediaSpec | undefined, seed: number): unknown {
  if (!media) return undefined;
  const pointer = media.schemaPointer;
  const examples = Object.values(media.examples);
  if (!pointer) return examples[0] === undefined ? undefined : structuredClone(examples[0]);
  // Every create and error answer asks: the examples are judged once per media, not at each answer.
  let fits = fitting.get(media);
  if (fits === undefined) {
    const found = fittingExample(validators, { pointer, direction: 'answer', seed, label: 'body', examples });
    fitting.set(media, (fits = found ? { text: JSON.stringify(found.value) } : null));
  }
  // A copy by JSON.parse: what goes out is JSON anyway, and it costs a fraction of structuredClone.
  if (fits) return JSON.parse(fits.text);
  return validSample(contract.bundled, validators, { pointer, direction: 'answer', seed, label: 'body' }).value ?? {};
}

/** The example a media's schema accepts, serialised, by media (null: none does). */
const fitting = new WeakMap<MediaSpec, { text: string } | null>();

/**
 * The partner's documented error body for a code: the example of that status carrying the code when the
 * contract has one, else the status's sample with code and message written where the profile says.
 */
export function errorBody(contract: Contract, validators: SchemaValidators, op: Operation, spec: ResponseSpec | undefined, code: string | undefined, message: string, where: { code?: string; message?: string }, seed: number): unknown {
  const media = jsonMedia(spec);
  if (!media) return { error: { code, message } };
  const codeAt = where.code ? toPointer(where.code) : undefined;
  if (code && codeAt) {
    const match = Object.values(media.examples).find((ex) => getPointer(ex, codeAt) === code);
    if (match !== undefined) return structuredClone(match);
  }
  const body = sampleBody(contract, validators, media, seed) ?? {};
  if (code && codeAt) setPointer(body, codeAt, code);
  if (where.message) setPointer(body, toPointer(where.message), message);
  return body;
}

/** Where an error body's code and message go when the profile does not say: the first place its schema declares. */
const CODE_PLACES = ['/error/code', '/code', '/errorCode', '/name'];
const MESSAGE_PLACES = ['/error/message', '/message', '/detail', '/title'];

/**
 * Where the code and message of an error answer go: the profile's `errors` locations, else the places the
 * status's schema declares for them (`{ error: { code, message } }`, `{ code, message }` …), so a partner with
 * no errors section in its profile still says why it refused.
 */
export function errorPlaces(contract: Contract, spec: ResponseSpec | undefined, errors: { code?: string; message?: string } | undefined): { code?: string; message?: string } {
  const schema = jsonMedia(spec)?.schemaPointer;
  const declared = (places: string[]): string | undefined => (schema ? places.find((p) => schemaDeclares(contract.bundled, schema, p)) : undefined);
  const code = errors?.code ?? declared(CODE_PLACES);
  const message = errors?.message ?? declared(MESSAGE_PLACES);
  return { ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
}
