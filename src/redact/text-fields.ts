/**
 * Named values inside free text: a body quoted in a failure reason (`"cvc":"123"`, also escaped once more when
 * JSON sits inside JSON), a query string or form body (`cvc=123`), an object printed by JavaScript
 * (`cvc: '123'`), and railgate's own mismatch wording for a JSON Pointer (`body /card/cvc: expected "123", got
 * "456"`, `/card/cvc = "123"`). `judge` says what a name's value becomes; other names and the text around stay.
 */
export type FieldJudge = (name: string, value: string) => string | undefined;

const NAME = String.raw`[A-Za-z][\w-]{0,63}`;
const SCALAR = String.raw`-?[0-9][0-9.]*|true|false`;
// A name and its value share a quote kind: "…", \"…\" (JSON inside JSON) or '…'.
const QUOTES: ReadonlyArray<{ q: string; body: string }> = [
  { q: '"', body: String.raw`(?:[^"\\]|\\.)*` },
  { q: '\\\\"', body: String.raw`(?:(?!\\").)*` },
  { q: "'", body: String.raw`(?:[^'\\]|\\.)*` },
];
const QUOTED_PAIRS = QUOTES.map(({ q, body }) => new RegExp(String.raw`(${q})(${NAME})${q}(\s*:\s*)(?:${q}(${body})${q}|(${SCALAR}))`, 'g'));
const JS_PAIR = new RegExp(String.raw`(?<![\w-])(${NAME})(\s*:\s*)(["'])((?:(?!\3).)*)\3`, 'g');
const FORM_PAIR = new RegExp(String.raw`(?<![\w-])(${NAME})=([^&\s"',;]+)`, 'g');
const JSON_VALUE = String.raw`"(?:[^"\\]|\\.)*"|${SCALAR}`;
const POINTER_MISMATCH = new RegExp(String.raw`(?<=/)(${NAME})(:\s*expected\s+|\s*=\s*)(${JSON_VALUE})(?:(,\s*got\s+)(${JSON_VALUE}))?`, 'g');

export function redactTextFields(text: string, judge: FieldJudge): string {
  let out = text;
  for (const pair of QUOTED_PAIRS) {
    out = out.replace(pair, (whole, q: string, name: string, sep: string, quoted: string | undefined, scalar: string | undefined) => {
      const next = judge(name, quoted ?? scalar ?? '');
      // A scalar comes back quoted: the redacted value is a string.
      return next === undefined ? whole : `${q}${name}${q}${sep}${q}${next}${q}`;
    });
  }
  out = out.replace(JS_PAIR, (whole, name: string, sep: string, q: string, value: string) => {
    const next = judge(name, value);
    return next === undefined ? whole : `${name}${sep}${q}${next}${q}`;
  });
  out = out.replace(POINTER_MISMATCH, (whole, name: string, sep: string, first: string, got: string | undefined, second: string | undefined) => {
    const a = judgeJson(judge, name, first);
    if (a === undefined) return whole;
    return `${name}${sep}${a}${got === undefined ? '' : `${got}${judgeJson(judge, name, second ?? '') ?? second}`}`;
  });
  return out.replace(FORM_PAIR, (whole, name: string, value: string) => {
    const next = judge(name, value);
    return next === undefined ? whole : `${name}=${next}`;
  });
}

/** A JSON literal judged by its content, given back as a JSON string. */
function judgeJson(judge: FieldJudge, name: string, literal: string): string | undefined {
  const value = literal.startsWith('"') ? literal.slice(1, -1) : literal;
  const next = judge(name, value);
  return next === undefined ? undefined : JSON.stringify(next);
}
