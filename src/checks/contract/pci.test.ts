import { describe, expect, it } from 'vitest';
import { cardDataIn } from './pci.ts';

describe('card data in an answer or a webhook payload', () => {
  it('finds a full PAN and a CVC with a value, by JSON pointer, at any depth', () => {
    const body = { data: [{ card: { number: '4242 4242 4242 4242', cvc: '123', last4: '4242' } }], pan: 5555555555554444, note: 'paid with 3566002020360505' };
    expect(cardDataIn(body)).toEqual([
      { pointer: '/data/0/card/number', what: 'a full card number' },
      { pointer: '/data/0/card/cvc', what: 'a card security code' },
      { pointer: '/pan', what: 'a full card number' },
      { pointer: '/note', what: 'a full card number' },
    ]);
  });

  it('finds a PAN in a text body', () => {
    expect(cardDataIn('card=4242424242424242')).toEqual([{ pointer: '', what: 'a full card number' }]);
  });

  it('leaves digits that pass Luhn by chance: a millisecond timestamp, a numeric id, a tax id, a phone number', () => {
    // Each passes Luhn; none is a card.
    expect(cardDataIn({ timestampMs: 1763733600003, transactionId: '4000000000000002', creditor: { taxId: '40000000000002', mobile: '+4000000000000002' } })).toEqual([]);
  });

  it('takes a JSON number for a card number only in a field named for one, not a generated ordinal or count', () => {
    // 4222222222222 (a Visa test number) passes Luhn: as an ordinal it is an integer, as a card number a PAN.
    expect(cardDataIn({ ordinal: 4222222222222, count: 4222222222222 })).toEqual([]);
    expect(cardDataIn({ card_number: 4222222222222, accountNumber: 4222222222222 }).map((f) => f.pointer)).toEqual(['/card_number', '/accountNumber']);
  });

  it('accepts masked numbers, Luhn-invalid references, empty CVC fields and a CVC check result', () => {
    expect(cardDataIn({ card: { number: '************4242', masked: '424242******4242', cvc: null, cvv: '' }, reference: '4242424242424241', cvc_check: 'pass' })).toEqual([]);
  });
});
