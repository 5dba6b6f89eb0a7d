/** A webhook delivery as it travels: the raw body is what was signed, byte for byte. */
export interface WebhookDelivery {
  method: string;
  /** The URL the sender addressed (RFC 9421 signs it), not necessarily where it arrived. */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Why a delivery does not verify, as steps support engineers recognise: the first check that failed,
 * a sentence, and the text the signature should have been computed over.
 */
export type DeliveryStep =
  | 'missing-signature'
  | 'malformed-signature'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'digest-mismatch'
  | 'signature-mismatch'
  | 'unknown-key'
  | 'missing-component';

export type DeliveryVerification =
  | { ok: true; signed: SignedText }
  | {
      ok: false;
      step: DeliveryStep;
      reason: string;
      signed?: SignedText;
      /** Where railgate looked for the signature: `header X-Signature`, `body /additionalData/hmacSignature`. */
      place: string;
      /** The signature the delivery carries there, as it came. */
      received?: string;
    };

/** The text a signature is computed over: `<t>.<body>`, the raw body, the joined fields, a built message, or an RFC 9421 signature base. */
export interface SignedText {
  kind: 'signed payload' | 'signed fields' | 'signed message' | 'signature base';
  text: string;
}

/** The step as a sentence for people: what differs between their delivery and a good one. */
export const STEP_TITLES: Record<DeliveryStep, string> = {
  'missing-signature': 'no signature',
  'malformed-signature': 'malformed signature',
  'stale-timestamp': 'timestamp outside tolerance (too old)',
  'future-timestamp': 'timestamp outside tolerance (in the future)',
  'digest-mismatch': 'digest mismatch (the body is not the one that was digested)',
  'signature-mismatch': 'signature mismatch against the computed base',
  'unknown-key': 'unknown key id',
  'missing-component': 'a covered component is missing',
};
