import { requestMedia, validSample } from '../../contract/index.ts';
import type { ReceivedEvent } from '../../contract/index.ts';
import type { Partner } from '../../partner/index.ts';

/** A payload of an event, named as the report shows it: the example's name, or how it was made. */
export interface Sample {
  name: string;
  payload: unknown;
}

export interface EventSamples {
  /** The payload schema, when the contract documents one. */
  schema?: string;
  /** What a receiver must accept: the examples the schema accepts, else one generated from it. */
  valid: Sample[];
  /** Examples not used as valid, and why: an example that breaks its own schema proves nothing. */
  leftOut: string[];
}

/**
 * The samples of an event's payload (pure but for the faker's seed): each named example of its JSON body
 * that the schema accepts, else one generated from the schema with the run's seed. Without a schema the
 * examples are taken as they are, and an empty object stands in for none.
 */
export function eventSamples(partner: Partner, event: ReceivedEvent, seed: number): EventSamples {
  const media = requestMedia(event);
  const schema = media?.schemaPointer;
  const examples = Object.entries(media?.examples ?? {});
  const valid: Sample[] = [];
  const leftOut: string[] = [];
  for (const [name, payload] of examples) {
    const issues = schema ? partner.validators.validate(schema, payload) : [];
    if (issues.length === 0) valid.push({ name: `example '${name}'`, payload });
    else leftOut.push(`example '${name}' breaks its schema (${issues[0]!.at} ${issues[0]!.message})`);
  }
  if (valid.length === 0) {
    // A payload is the webhook's request, as the partner sends it: generated as a request (validSample).
    const generated = schema ? validSample(partner.contract.bundled, partner.validators, { pointer: schema, direction: 'request', seed, label: 'payload' }) : undefined;
    if (generated?.why === undefined) valid.push({ name: `a payload generated from the schema (seed ${seed})`, payload: generated ? generated.value : {} });
  }
  return { ...(schema ? { schema } : {}), valid, leftOut };
}
