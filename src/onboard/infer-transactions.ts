import type { Contract, Operation } from '../contract/index.ts';
import { getPointer } from '../json/index.ts';
import type { Movement, TransactionSpec } from '../profile/index.ts';
import { enumOf, fieldsOf, resolveSchema, typeOf } from './schema-walk.ts';
import type { FieldAt } from './schema-walk.ts';
import { note, todo } from './model.ts';
import { proposeStates } from './propose-states.ts';
import type { Note, Section } from './model.ts';

type Obj = Record<string, unknown>;

const MOVEMENTS: ReadonlyArray<[RegExp, Movement]> = [
  [/refund/i, 'refund'],
  [/captur/i, 'capture'],
  [/void|cancel/i, 'void'],
  [/revers/i, 'reversal'],
  [/authori[sz]/i, 'authorization'],
  [/payout|transfer|disburse|withdraw/i, 'payout'],
  [/charge|collect|payment|order|checkout/i, 'collection'],
];

interface Resource {
  op: Operation;
  status: string;
  schema: Obj;
  fields: FieldAt[];
}

function successBody(contract: Contract, op: Operation): Resource | undefined {
  const doc = contract.bundled;
  for (const r of op.responses.filter((x) => /^2\d\d$/.test(x.status))) {
    const media = r.content.find((m) => /json/.test(m.contentType) && m.schemaPointer);
    const schema = media?.schemaPointer ? resolveSchema(doc, getPointer(doc, media.schemaPointer)) : undefined;
    if (schema) return { op, status: r.status, schema, fields: fieldsOf(doc, schema, 2) };
  }
  return undefined;
}

const top = (fields: FieldAt[], re: RegExp): FieldAt | undefined => fields.find((f) => f.pointer.split('/').length === 2 && re.test(f.name));
const any = (fields: FieldAt[], re: RegExp, type?: string): FieldAt | undefined => fields.find((f) => re.test(f.name) && (!type || typeOf(f.schema) === type));

/** The GET with a path parameter that answers the same resource: by the same schema, else under the create's path. */
function readOf(contract: Contract, created: Resource): { read: Operation; idParam: string } | undefined {
  for (const op of contract.operations.values()) {
    if (op.method !== 'get') continue;
    const param = [...op.parameters].reverse().find((p) => p.in === 'path');
    if (!param) continue;
    const body = successBody(contract, op);
    if (body?.schema === created.schema || (op.path.startsWith(`${created.op.path}/{`) && op.path.split('/').length === created.op.path.split('/').length + 1)) return { read: op, idParam: param.name };
  }
  return undefined;
}

/**
 * Proposed money movements: each POST whose answer holds a status and an amount or currency, with the GET that
 * reads it back. What the contract cannot say — the state machine's order, the parent of a refund — is a TODO.
 */
export function inferTransactions(contract: Contract): Section<Record<string, TransactionSpec>> & { states: Record<string, string[]> } {
  const out: Record<string, TransactionSpec> = {};
  const notes: Note[] = [];
  const states: Record<string, string[]> = {};
  for (const op of contract.operations.values()) {
    if (op.method !== 'post') continue;
    const created = successBody(contract, op);
    if (!created) continue;
    const state = top(created.fields, /^(status|state)$/);
    const amount = any(created.fields, /^(amount|value|amount_minor|amountMinor)$/, 'integer');
    const currency = any(created.fields, /^(currency|currency_code|currencyCode)$/, 'string');
    const found = readOf(contract, created);
    // The field the read is addressed by (PixPay's charge is read by its txid, and also carries an endToEndId), else `id`.
    const id = (found && top(created.fields, new RegExp(`^${found.idParam.replace(/[^\w]/g, '')}$`))) ?? top(created.fields, /^id$/) ?? top(created.fields, /(^|_)id$|Id$/);
    if (!state || !(amount || currency) || !id || !found) continue;
    const movement = MOVEMENTS.find(([re]) => re.test(`${op.id} ${op.path}`))?.[1];
    let key = movement ?? op.id;
    for (let i = 2; out[key]; i++) key = `${movement ?? op.id}${i}`;
    // A list railgate can call with a reference alone: one that requires other query parameters (Adyen's
    // createdSince) would make every count of the idempotency family fail on railgate's request.
    const list = [...contract.operations.values()].find((o) => o.method === 'get' && o.path === op.path && !o.parameters.some((p) => p.in === 'query' && p.required));
    out[key] = {
      ...(movement && key !== movement && { movement }),
      create: op.id,
      read: found.read.id,
      ...(list && { list: list.id }),
      id: id.pointer,
      idParam: found.idParam,
      state: state.pointer,
      ...(amount && { amount: amount.pointer }),
      ...(currency && { currency: currency.pointer }),
    };
    const values = enumOf(contract.bundled, state.schema);
    states[key] = values;
    const machine = proposeStates(values);
    if (machine) (out[key] as TransactionSpec).states = machine;
    notes.push(note(['transactions', key], `proposed from ${op.id} (its answer holds ${[state, amount, currency].filter(Boolean).map((f) => f?.pointer).join(', ')}) and ${found.read.id}`));
    if (!movement) notes.push(todo(['transactions', key], `which money movement is this (payout, collection, authorization, capture, void, refund, reversal)? Add movement: …`));
    if (machine) notes.push(todo(['transactions', key, 'states'], `confirm: guessed from the names of the contract's ${state.pointer} values (${values.join(', ')}); the contract does not say their order`));
    else notes.push(todo(['transactions', key, 'state'], values.length ? `add states: { initial, transitions, terminal, failed } from the contract's ${state.pointer} values: ${values.join(', ')}` : `the contract lists no values of ${state.pointer}: add states: { initial, transitions, terminal }`, 'after'));
    if (!amount) notes.push(todo(['transactions', key], `no integer amount in minor units in the answer of ${op.id}: add amount: <JSON Pointer> if there is one`));
    const under = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    if (under.length > 0) notes.push(todo(['transactions', key], `${op.id} creates it under an earlier resource (${under.join(', ')}): no baseline scenario was written; write one that makes that resource first`));
    if (movement && ['refund', 'capture', 'void', 'reversal'].includes(movement)) notes.push(todo(['transactions', key], `a ${movement} applies to an earlier transaction: add parent: { transaction, pointer }`));
  }
  return Object.keys(out).length > 0 ? { value: out, notes, states } : { notes: [todo(['readiness'], 'no operation of the contract creates a resource with a status and an amount: add transactions by hand if the partner moves money')], states };
}
