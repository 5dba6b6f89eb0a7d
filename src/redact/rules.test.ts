import { describe, expect, it } from 'vitest';
import { CheckFailure } from '../checks/index.ts';
import { redactAttachment } from './attachment.ts';
import { findPans, isPanValue, maskPan } from './card-data.ts';
import { redactFailure } from './failure.ts';
import { patternProblem, withProfile } from './profile-rules.ts';
import { DEFAULT_RULES, REDACTED, maskAccount, redactBody, redactText, withSecrets } from './redact.ts';
import { mergeRules } from './run-rules.ts';

const KEY = 'sk_live_51Hx9QcanaryKEY0042';
const rules = withSecrets(DEFAULT_RULES, { values: [KEY] });
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('secrets by value, in every form a partner may echo them', () => {
  it.each([
    ['plain', KEY],
    ['base64', b64(KEY)],
    ['base64 without padding', b64(KEY).replace(/=+$/, '')],
    ['base64url', Buffer.from(KEY).toString('base64url')],
    ['hex', Buffer.from(KEY).toString('hex')],
    ['HEX', Buffer.from(KEY).toString('hex').toUpperCase()],
    ['URL-encoded', encodeURIComponent(`${KEY}/+ =`)],
  ])('%s', (_, form) => {
    const r = withSecrets(DEFAULT_RULES, { values: [KEY, `${KEY}/+ =`] });
    const out = redactText(`401 invalid key ${form}.`, r);
    expect(out).toBe(`401 invalid key ${REDACTED}.`);
  });

  it('removes a key echoed in base64 inside a text/plain body', () => {
    const body = `401 Unauthorized\nreceived X-Api-Key (base64) ${b64(KEY)}\n`;
    const safe = redactAttachment(body, 'text/plain', rules);
    expect(safe).not.toContain(b64(KEY));
    expect(safe).not.toContain(b64(KEY).slice(0, 20));
    expect(safe).toContain(REDACTED);
  });

  it('removes a secret inside a longer encoded text, whatever its byte alignment (a Basic header)', () => {
    for (const user of ['u', 'us', 'usr']) {
      const out = redactText(`echoed: Basic ${b64(`${user}:${KEY}`)}`, rules);
      // Left of the encoded text: the group holding the user name, and a partial group at the end.
      expect(out, user).toMatch(/^echoed: Basic [A-Za-z0-9+/]{2,6}\[redacted\][A-Za-z0-9+/=]{0,4}$/);
    }
  });

  it('removes the private members of a JWK and the body of a PEM key, not only the whole key text', () => {
    const jwk = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', d: 'eyLZI0JDURGbYFu2j75tbPg_hQE4mrzm9d6HMnO1QLg', x: 'EkAMXdc-bXwV5o5l514b902aSFdLx9khT8BoJzi8ids' });
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIHq5yS0x3JgK8Yxw0Y2hF2YQnM8mZ0wq1eQ6lV7o9d1F\n-----END PRIVATE KEY-----';
    const r = withSecrets(DEFAULT_RULES, { values: [jwk, pem] });
    expect(redactText('d=eyLZI0JDURGbYFu2j75tbPg_hQE4mrzm9d6HMnO1QLg', r)).toBe(`d=${REDACTED}`);
    expect(redactText('key MC4CAQAwBQYDK2VwBCIEIHq5yS0x3JgK8Yxw0Y2hF2YQnM8mZ0wq1eQ6lV7o9d1F', r)).toBe(`key ${REDACTED}`);
    // The public part is no secret.
    expect(redactText('x=EkAMXdc-bXwV5o5l514b902aSFdLx9khT8BoJzi8ids', r)).toContain('EkAMXdc');
  });

  it('removes the head of a secret that a shortened text cut (… or ...)', () => {
    expect(redactText(`{"message":"invalid API key '${KEY.slice(0, 14)}…`, rules)).toBe(`{"message":"invalid API key '${REDACTED}…`);
    expect(redactText(`key ${KEY.slice(0, 10)}...`, rules)).toBe(`key ${REDACTED}...`);
    // Seven characters are not enough to call it a secret's head.
    expect(redactText('see sk_live...', rules)).toBe('see sk_live...');
  });

  it('ignores values too short to be told from ordinary text', () => {
    expect(withSecrets(DEFAULT_RULES, { values: ['abc', undefined] }).secretValues).toEqual([]);
  });
});

describe('card numbers', () => {
  it('masks a Luhn-valid number to its last four, also split by spaces or dashes', () => {
    expect(redactText('card 4242 4242 4242 4242 ok', DEFAULT_RULES)).toBe('card **** **** **** 4242 ok');
    expect(redactText('card 4242-4242-4242-4242', DEFAULT_RULES)).toBe('card ****-****-****-4242');
    expect(redactText('amex 3782 822463 10005', DEFAULT_RULES)).toBe('amex **** ****** *0005');
    expect(redactText('id pay_4242424242424242', DEFAULT_RULES)).toBe('id pay_************4242');
    expect(redactText('12 digits 100000000008', DEFAULT_RULES)).toBe('12 digits ********0008');
  });

  it('leaves a Luhn-invalid 16-digit reference, short or long runs and digits inside a hash alone', () => {
    for (const text of ['ref 4242424242424241', 'eleven 12345678901', 'twenty 42424242424242424242', 'sha a4242424242424242b', 'mixed 4242 4242-4242 4242', 'key a1b2c3d4-1000-0000-0008-abcdefabcdef']) {
      expect(redactText(text, DEFAULT_RULES)).toBe(text);
    }
    expect(findPans('2026-11-21T10:00:00Z 1763733600')).toEqual([]);
  });

  it('masks a PAN given as a JSON number, and tells a PAN value from other values', () => {
    expect(redactBody({ ref: 4242424242424242 }, DEFAULT_RULES)).toEqual({ ref: '************4242' });
    expect(isPanValue('4242 4242 4242 4242')).toBe(true);
    expect(isPanValue('************4242')).toBe(false);
    expect(isPanValue('pay 4242424242424242')).toBe(false);
    expect(maskPan('5555-5555-5555-4444')).toBe('****-****-****-4444');
  });
});

describe('card security codes', () => {
  it('removes a CVC nested three levels deep, whatever its name or value type', () => {
    const body = { payment: { method: { card: { number: '4242424242424242', cvc: '123', CVV2: 421, 'security-code': { value: '999' }, cardVerificationValue: '555' } } } };
    expect(redactBody(body, DEFAULT_RULES)).toEqual({
      payment: { method: { card: { number: '************4242', cvc: REDACTED, CVV2: REDACTED, 'security-code': REDACTED, cardVerificationValue: REDACTED } } },
    });
    // A check result named after the code is not a code.
    expect(redactBody({ cvc_check: 'pass' }, DEFAULT_RULES)).toEqual({ cvc_check: 'pass' });
  });

  it('removes a CVC quoted in free text: JSON, JSON inside JSON, a form, a JavaScript object, a mismatch', () => {
    const cases: Array<[string, string]> = [
      ['body {"card":{"cvc":"123","expiryMonth":12}}', `body {"card":{"cvc":"${REDACTED}","expiryMonth":12}}`],
      ['body {"card":{"cvc": 123}}', `body {"card":{"cvc": "${REDACTED}"}}`],
      ['"{\\"cvc\\":\\"123\\"}"', `"{\\"cvc\\":\\"${REDACTED}\\"}"`],
      ['number=4242424242424242&cvc=123&amount=100', `number=************4242&cvc=${REDACTED}&amount=100`],
      ["{ cvv: '123' }", `{ cvv: '${REDACTED}' }`],
      ['body /card/cvc: expected "123", got "456"', `body /card/cvc: expected "${REDACTED}", got "${REDACTED}"`],
      ['/card/csc = "123"', `/card/csc = "${REDACTED}"`],
    ];
    for (const [text, safe] of cases) expect(redactText(text, DEFAULT_RULES), text).toBe(safe);
  });
});

describe('account data', () => {
  it('masks account data named by its field in free text, as in a body', () => {
    expect(redactText('failed: {"creditor":{"pixKey":"chave-aleatoria-0001","taxId":"12345678909"}}', DEFAULT_RULES)).toBe(
      'failed: {"creditor":{"pixKey":"************0001","taxId":"*******8909"}}',
    );
  });

  it('masks emails, phone numbers, CPF, CNPJ and IBANs found by value, and leaves look-alikes', () => {
    const masked = (...values: string[]): string[] => values.map(maskAccount);
    const [email, sg, br, cpf, cpfBare, cnpj, iban] = masked('maria.silva@example.com.br', '+65 9123 4567', '+5511987654321', '529.982.247-25', '52998224725', '11.222.333/0001-81', 'DE89 3704 0044 0532 0130 00');
    expect(redactText('to maria.silva@example.com.br', DEFAULT_RULES)).toBe(`to ${email}`);
    expect(redactText('proxy +65 9123 4567 and +5511987654321', DEFAULT_RULES)).toBe(`proxy ${sg} and ${br}`);
    expect(redactText('cpf 529.982.247-25 or 52998224725', DEFAULT_RULES)).toBe(`cpf ${cpf} or ${cpfBare}`);
    expect(redactText('cnpj 11.222.333/0001-81', DEFAULT_RULES)).toBe(`cnpj ${cnpj}`);
    expect(redactText('iban DE89 3704 0044 0532 0130 00', DEFAULT_RULES)).toBe(`iban ${iban}`);
    expect(email).toBe('************m.br');
    for (const text of ['amount 52998224726', 'iban DE00 3704 0044 0532 0130 00', 'at 2026-11-21T10:00:00+00:00', 'key 3fa85f64-5717-4562-b3fc-2c963f66afa6']) {
      expect(redactText(text, DEFAULT_RULES)).toBe(text);
    }
  });

  it('is idempotent: masked and redacted text is left as it is', () => {
    const once = redactText('{"pixKey":"maria@example.com","cvc":"123","pan":"4242 4242 4242 4242"} +5511987654321', rules);
    expect(redactText(once, rules)).toBe(once);
  });
});

describe("the profile's redact section", () => {
  it('removes the fields it names and masks what its patterns match', () => {
    const r = withProfile(DEFAULT_RULES, { fields: ['merchant_secret'], patterns: ['ACME-[0-9]{8}'] });
    expect(redactBody({ a: { merchantSecret: { nested: 'x' } }, note: 'order ACME-12345678' }, r)).toEqual({ a: { merchantSecret: REDACTED }, note: 'order *********5678' });
    expect(redactText('{"merchant-secret":"abc"}', r)).toBe(`{"merchant-secret":"${REDACTED}"}`);
  });

  it('names what is wrong with a pattern', () => {
    expect(patternProblem('ACME-[0-9')).toBe('not a regular expression: Unterminated character class');
    expect(patternProblem('x*')).toBe('matches the empty text: it would mask everywhere');
    expect(patternProblem('ACME-[0-9]{8}')).toBeUndefined();
  });

  it('merges into the run’s rules once, then adds nothing more', () => {
    const a = mergeRules(DEFAULT_RULES, withProfile(rules, { fields: ['x_code'], patterns: ['ACME-[0-9]{8}'] }));
    expect(a.secretValues).toEqual([KEY]);
    expect(mergeRules(a, withProfile(rules, { patterns: ['ACME-[0-9]{8}'] }))).toBe(a);
  });
});

describe('a failure leaving a check', () => {
  it('is redacted in place: message, stack, evidence and cause, class and kind kept', () => {
    const cause = new Error(`upstream said ${KEY}`);
    const e = new CheckFailure(`expected status 201, got 401 ({"error":{"message":"invalid API key '${KEY}'"},"card":{"cvc":"123"}})`, { evidence: { note: `key ${b64(KEY)}` } as never });
    Object.defineProperty(e, 'cause', { value: cause });
    expect(redactFailure(e, rules)).toBe(e);
    expect(e).toBeInstanceOf(CheckFailure);
    expect(e.kind).toBe('partner-defect');
    for (const text of [e.message, e.stack ?? '', JSON.stringify(e.evidence), cause.message, cause.stack ?? '']) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(b64(KEY));
      expect(text).not.toContain('"cvc":"123"');
    }
    expect(e.message).toContain(`invalid API key '${REDACTED}'`);
  });
});

describe('attachments', () => {
  it('keeps the bytes of JSON that needs nothing, redacts the rest by field and value', () => {
    const clean = '{"id":"evt_1","amount":1500}';
    expect(redactAttachment(clean, 'application/json', rules)).toBe(clean);
    const webhook = '{"data":{"card":{"number":"4242424242424242","cvc":"123"}}}';
    expect(JSON.parse(redactAttachment(webhook, 'application/json', rules))).toEqual({ data: { card: { number: '************4242', cvc: REDACTED } } });
    expect(redactAttachment(`{"broken": "${KEY}"`, 'application/json', rules)).toBe(`{"broken": "${REDACTED}"`);
  });
});
