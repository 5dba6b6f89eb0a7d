/**
 * Card data as PCI DSS sees it: a PAN (12–19 digits passing the Luhn check) may only be shown masked
 * (3.4: railgate keeps the last four), a card security code never once the payment is authorized (3.3).
 * Shared by the redactor, the `pci` check and the simulator, so the three agree on what a PAN is.
 */

/** Field names compare without case, `_`, `-` or spaces: `card_cvc`, `Card-CVC` and `cardCvc` are one name. */
export function normalizeField(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

const CARD_CODE_FIELDS: ReadonlySet<string> = new Set(
  ['cvc', 'cvc2', 'cvv', 'cvv2', 'cvn', 'csc', 'cav2', 'security_code', 'card_security_code', 'card_cvc', 'card_cvv', 'card_verification_code', 'card_verification_value'].map(normalizeField),
);

/** A field that holds a card verification code (CVC, CVV, CVV2, CSC, security code …). */
export function isCardCodeField(name: string): boolean {
  return CARD_CODE_FIELDS.has(normalizeField(name));
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Digits only, 12–19 of them, passing Luhn: a full card number. */
export function isPan(digits: string): boolean {
  return /^[0-9]{12,19}$/.test(digits) && luhn(digits);
}

/** A JSON value that is a full card number: a string of digits (spaces or dashes between groups allowed), or an integer. */
export function isPanValue(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && isPan(String(value));
  return typeof value === 'string' && findPans(value).some((p) => p.index === 0 && p.text.length === value.length);
}

export interface PanMatch {
  index: number;
  /** As written, separators included. */
  text: string;
}

// A run of digits, or groups of 2–6 digits split by spaces or by dashes, as card numbers are printed. Letters
// and digits must not touch it: an id like `pay_…` still counts, a hash does not; nor may a dash touch a dashed
// group, or the digit-only groups of a UUID would pass for one.
const PAN_CANDIDATE = new RegExp(
  [
    String.raw`(?<![A-Za-z0-9])[0-9]{12,19}(?![A-Za-z0-9])`,
    String.raw`(?<![A-Za-z0-9])[0-9]{4}(?: [0-9]{2,6}){2,4}(?![A-Za-z0-9])`,
    String.raw`(?<![A-Za-z0-9-])[0-9]{4}(?:-[0-9]{2,6}){2,4}(?!-?[A-Za-z0-9])`,
  ].join('|'),
  'g',
);

/** Every full card number written in a text. */
export function findPans(text: string): PanMatch[] {
  const found: PanMatch[] = [];
  for (const m of text.matchAll(PAN_CANDIDATE)) {
    if (isPan(m[0].replace(/[ -]/g, ''))) found.push({ index: m.index, text: m[0] });
  }
  return found;
}

/** Every digit but the last four becomes `*`; separators stay, so a grouped number still reads as one. */
export function maskPan(text: string): string {
  let keep = 4;
  return Array.from(text)
    .reverse()
    .map((c) => (/[0-9]/.test(c) ? (keep-- > 0 ? c : '*') : c))
    .reverse()
    .join('');
}

/** A text with each full card number masked to its last four digits. */
export function maskPans(text: string): string {
  return text.replace(PAN_CANDIDATE, (m) => (isPan(m.replace(/[ -]/g, '')) ? maskPan(m) : m));
}
