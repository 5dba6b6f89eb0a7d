/**
 * The forms in which a secret value travels, so that a partner echoing it (or railgate printing it) is caught
 * whatever the encoding: as is; base64 and base64url, padded or not, and also at each of the three byte
 * alignments it can take inside a longer encoded text (`Authorization: Basic base64(id:secret)`); hex; URL and
 * form encoding; JSON string escaping; and the private members of a JWK or the body of a PEM key.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, ...encodedForms(secret), ...keyParts(secret).flatMap((part) => [part, ...encodedForms(part)])]);
  // Longest first: a regex alternation takes the first that matches, and a form may contain another.
  return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const base64 = bytes.toString('base64');
  const hex = bytes.toString('hex');
  const url = encodeURIComponent(value);
  return [
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
    ...[0, 1, 2].flatMap((shift) => alignedCores(bytes, shift)),
    hex,
    hex.toUpperCase(),
    url,
    url.replace(/%20/g, '+'),
    url.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    JSON.stringify(value).slice(1, -1),
  ];
}

// Shorter cores would match by chance inside any long base64 text.
const MIN_CORE = 8;

/**
 * The base64 characters that depend on the value's bytes alone when `shift` unknown bytes precede it (and any
 * follow): the first characters mix in the preceding bytes and the last partial group the following ones.
 */
function alignedCores(bytes: Buffer, shift: number): string[] {
  const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
  const total = shift + bytes.length;
  const start = [0, 2, 3][shift] ?? 0;
  const end = Math.floor(total / 3) * 4 + (total % 3);
  const core = encoded.slice(start, end);
  if (core.length < MIN_CORE) return [];
  return [core, core.replace(/\+/g, '-').replace(/\//g, '_')];
}

const JWK_PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/** The parts of a key that are secret on their own: a JWK's private members, a PEM key's base64 body and its lines. */
function keyParts(secret: string): string[] {
  if (secret.includes('-----BEGIN')) {
    const lines = secret
      .split(/\r?\n|\\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('-----'));
    return [lines.join(''), ...lines.filter((l) => l.length >= 16)];
  }
  if (!secret.trimStart().startsWith('{')) return [];
  try {
    const jwk = JSON.parse(secret) as Record<string, unknown>;
    return JWK_PRIVATE.map((m) => jwk[m]).filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}
