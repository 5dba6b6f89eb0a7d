/** The most of a request body an attachment shows. */
const SHOWN_BODY = 64 * 1024;

/**
 * A request as the report shows it: a JSON body parsed, so Allure draws it as a tree rather than one escaped
 * string. Only when writing it back gives the very bytes sent: a body whose text a parse would change (`1500.00`,
 * spacing, a repeated key) stays text, so the report never shows a request other than the one on the wire.
 */
export function withParsedBody<T extends { body?: string }>(request: T): Omit<T, 'body'> & { body?: unknown } {
  if (request.body === undefined) return request;
  // A body sent large on purpose (the conformance family's 1 MiB member) is shown by its start and its size.
  if (request.body.length > SHOWN_BODY) return { ...request, body: `${request.body.slice(0, SHOWN_BODY)}… (${request.body.length} characters sent, the first ${SHOWN_BODY} shown)` };
  try {
    const parsed: unknown = JSON.parse(request.body);
    return typeof parsed === 'object' && parsed !== null && JSON.stringify(parsed) === request.body ? { ...request, body: parsed } : request;
  } catch {
    return request;
  }
}
