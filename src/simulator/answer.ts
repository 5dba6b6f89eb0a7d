import type { SavedAnswer } from '../idempotency/index.ts';

/**
 * An answer of the simulator as it goes on the wire: status, headers (lower-case names, `content-type` always
 * set) and the body already serialised. The loopback server writes it as it is; msw's in-process handlers turn it
 * into a fetch Response (answerResponse). The same shape an idempotency key saves, so a replay is the answer itself.
 */
export type Answer = SavedAnswer;

const JSON_TYPE = 'application/json';

/** A JSON answer: the body serialised once, here. */
export function jsonAnswer(body: unknown, status: number, headers: Record<string, string> = {}): Answer {
  return jsonTextAnswer(JSON.stringify(body) ?? '', status, headers);
}

/** A JSON answer already serialised. */
export function jsonTextAnswer(text: string, status: number, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: text };
}

/** The fetch Response msw hands back for an answer. */
export function answerResponse(answer: Answer): Response {
  return new Response(answer.body === '' ? null : answer.body, { status: answer.status, headers: answer.headers });
}
