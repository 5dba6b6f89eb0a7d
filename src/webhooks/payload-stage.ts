import type { SchemaValidators } from '../contract/index.ts';
import { parseJson } from '../json/index.ts';
import type { DeliveryStage } from './receiver.ts';

/** How many schema issues a refusal quotes: the first few say what to fix. */
const QUOTED = 3;

/**
 * A receiver stage that refuses (400) a delivery whose body is not JSON or breaks the event's documented
 * payload schema: a merchant that acts on such an event acts on something the partner never promised.
 * The session's receiver does not use it — it accepts and notes, to see what the partner sends.
 */
export function payloadStage(validators: SchemaValidators, schemaPointer: string): DeliveryStage {
  return (delivery) => {
    const payload = parseJson(delivery.body);
    if (payload === undefined) return { status: 400, step: 'malformed-payload', reason: 'the body is not JSON' };
    const issues = validators.validate(schemaPointer, payload);
    if (issues.length === 0) return undefined;
    const quoted = issues.slice(0, QUOTED).map((i) => `${i.at} ${i.message}`);
    const more = issues.length > QUOTED ? ` and ${issues.length - QUOTED} more` : '';
    return { status: 400, step: 'schema-violation', reason: `the payload breaks the contract's schema: ${quoted.join('; ')}${more}` };
  };
}
