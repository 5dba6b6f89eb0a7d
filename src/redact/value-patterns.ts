/**
 * Account data recognised by its value alone, in any text (a failure reason, a raw body, a step name) where
 * no field name says what it is: emails, international phone numbers, Brazilian tax ids (CPF, CNPJ) and
 * IBANs. Bare digit runs count only when their check digits hold, so amounts and ids are left alone.
 */
export interface ValuePattern {
  regex: RegExp;
  valid?: (match: string) => boolean;
}

const digitsOf = (s: string): number[] => Array.from(s.replace(/\D/g, ''), Number);

/** CPF and CNPJ end in two mod-11 check digits, each over the digits before it with its own weights. */
function mod11Holds(digits: number[], weights: (length: number) => number[]): boolean {
  if (new Set(digits).size === 1) return false;
  for (const at of [digits.length - 2, digits.length - 1]) {
    const w = weights(at);
    const sum = digits.slice(0, at).reduce((s, d, i) => s + d * (w[i] ?? 0), 0);
    const r = sum % 11;
    if ((r < 2 ? 0 : 11 - r) !== digits[at]) return false;
  }
  return true;
}

const cpfWeights = (n: number): number[] => Array.from({ length: n }, (_, i) => n + 1 - i);
const cnpjWeights = (n: number): number[] => Array.from({ length: n }, (_, i) => ((n - 1 - i) % 8) + 2);

function ibanHolds(text: string): boolean {
  const compact = text.replace(/ /g, '');
  const moved = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const c of moved) {
    const n = /[0-9]/.test(c) ? c : String(c.charCodeAt(0) - 55);
    for (const d of n) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

export const VALUE_PATTERNS: readonly ValuePattern[] = [
  // Bounded repetitions: a long run of letters without an @ (a base64 body) must not cost quadratic time.
  { regex: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g },
  { regex: /(?<![\w+])\+[0-9](?:[ -]?[0-9]){8,14}(?![0-9])/g },
  { regex: /(?<![0-9.])[0-9]{3}\.?[0-9]{3}\.?[0-9]{3}-?[0-9]{2}(?![0-9])/g, valid: (m) => mod11Holds(digitsOf(m), cpfWeights) },
  { regex: /(?<![0-9.])[0-9]{2}\.?[0-9]{3}\.?[0-9]{3}\/?[0-9]{4}-?[0-9]{2}(?![0-9])/g, valid: (m) => mod11Holds(digitsOf(m), cnpjWeights) },
  { regex: /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])/g, valid: ibanHolds },
];
