/**
 * Pure: why a body that says it is JSON is not, or undefined. A partner that labels its answer
 * `application/json` (or `…+json`) and sends something no JSON parser reads has broken its own word (RFC
 * 8259); checks that see the text instead of an object would otherwise report only "must be object".
 */
export function jsonIssue(contentType: string | undefined, text: string): string | undefined {
  if (text === '' || !contentType || !/json/i.test(contentType)) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `not valid JSON though its content-type is ${contentType.split(';')[0]?.trim()}: ${(e as Error).message}`;
  }
}
