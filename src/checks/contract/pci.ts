import type { Exchange } from '../../http/index.ts';
import { joinPointer, parseJson } from '../../json/index.ts';
import { findPans, isCardCodeField, normalizeField } from '../../redact/index.ts';
import type { ReceivedDelivery } from '../../webhooks/index.ts';
import { STEP_TITLES } from '../../webhooks/model.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import { exchangePlace, listed } from '../listed.ts';
import type { Check, CheckContext } from '../model.ts';

// A partner flooding the run with card data must not flood the report.
const SHOWN = 20;

/**
 * PCI DSS 3.3 and 3.4: once a payment is authorized a card security code is never kept nor returned, and a PAN
 * only masked. Whatever the contract says (a response schema open to extra fields lets both through), every
 * answer and every partner webhook the run saw is searched; the failure names where, never the value.
 * Runs last in the family, after the probes, and the family after all others: it sees the whole run's traffic.
 */
export function pciCheck(): Check {
  return {
    name: 'pci: no answer or webhook carries a full card number or a card security code',
    family: 'contract',
    severity: 'critical',
    tags: ['pci'],
    destructive: false,
    runsLast: true,
    async run(ctx) {
      const answers = ctx.ledger.entries().filter((e) => e.response);
      const deliveries = partnerDeliveries(ctx);
      if (answers.length === 0 && deliveries.length === 0) throw new CheckSkipped('no answer and no webhook from the partner was observed');
      const found = [...answers.flatMap((e) => located(exchangeName(e), e.response!.body)), ...deliveries.flatMap((d) => located(deliveryName(d), parseJson(d.body) ?? d.body))];
      if (found.length === 0) return;
      throw new CheckFailure(`${ctx.partner.id} returns card data it must never return after authorization (PCI DSS 3.3, 3.4), ${found.length} time${found.length > 1 ? 's' : ''}:\n${listed(found, SHOWN)}`);
    },
  };
}

/** Deliveries that passed railgate's verification: an unsigned or forged one cannot be blamed on the partner. */
function partnerDeliveries(ctx: CheckContext): ReceivedDelivery[] {
  const deliveries = ctx.auth.webhooks?.receiver.deliveries() ?? [];
  return deliveries.filter((d) => !d.refusal || !Object.hasOwn(STEP_TITLES, d.refusal.step));
}

function exchangeName(e: Exchange): string {
  return `${exchangePlace(e)} (${e.response!.status})`;
}

function deliveryName(d: ReceivedDelivery): string {
  return `webhook delivery #${d.seq}${d.eventType ? ` ${d.eventType}` : ''}${d.eventId ? ` ${d.eventId}` : ''}`;
}


/** Each place in a body holding card data, as `<source>: <what> at <JSON pointer>`. */
function located(source: string, body: unknown): string[] {
  return cardDataIn(body).map(({ pointer, what }) => `${source}: ${what} at ${pointer === '' ? 'the body (text)' : pointer}`);
}

export interface CardDataFinding {
  pointer: string;
  what: 'a full card number' | 'a card security code';
}

// A verdict must not rest on chance: one digit run in ten passes Luhn. Card schemes' numbers start with 2–6
// (ISO/IEC 7812: Mastercard, Amex, JCB, Diners, Visa, Discover, UnionPay …), which a millisecond timestamp does not;
// and a field named as an id, a tax id or a phone number holds digits by nature, with rules of its own.
// A JSON number is a card number only in a field named for one: a count, an ordinal or a version is an integer
// that passes Luhn one time in ten, and a PAN of 16 digits or more does not even survive as a JSON number.
const CARD_SCHEME = /^[2-6]/;
const NOT_A_CARD = /(?:id|cpf|cnpj|phone|mobile|msisdn)$/;
const CARD_FIELD = /(?:^|card|account|acct)(?:number|no|num|pan)$|^pan$/;

function holdsPan(value: unknown, field: string): boolean {
  const text = typeof value === 'number' && Number.isSafeInteger(value) && CARD_FIELD.test(field) ? String(value) : value;
  if (typeof text !== 'string') return false;
  return findPans(text).some((p) => CARD_SCHEME.test(p.text));
}

/** Where a JSON value (or a text body) holds a full PAN or a card security code with a value (pure). */
export function cardDataIn(value: unknown, pointer = '', field = ''): CardDataFinding[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => cardDataIn(v, joinPointer(pointer, i), field));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const at = joinPointer(pointer, k);
      if (isCardCodeField(k)) return hasValue(v) ? [{ pointer: at, what: 'a card security code' as const }] : [];
      return cardDataIn(v, at, k);
    });
  }
  const name = normalizeField(field);
  return !NOT_A_CARD.test(name) && holdsPan(value, name) ? [{ pointer, what: 'a full card number' }] : [];
}

function hasValue(v: unknown): boolean {
  return v !== null && v !== undefined && v !== '';
}
