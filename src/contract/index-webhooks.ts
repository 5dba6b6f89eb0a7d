import { joinPointer } from '../json/index.ts';
import { deref, pathItemParameters, readOperation } from './index-operations.ts';
import { HTTP_METHODS } from './model.ts';
import type { ReceivedEvent } from './model.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Indexes the events a bundled OpenAPI document says the partner sends (pure): each webhook of 3.1's
 * `webhooks` by its name, each callback of an operation (3.0 and 3.1) as `<operationId> › <callback>` (its
 * expression added when it has several), the method added when a path item documents several. Kept apart from the operations railgate calls.
 */
export function indexWebhooks(doc: Obj): Map<string, ReceivedEvent> {
  const events = new Map<string, ReceivedEvent>();
  const webhooks = isObj(doc.webhooks) ? doc.webhooks : {};
  for (const [name, item] of Object.entries(webhooks)) {
    for (const event of readPathItem(doc, item, joinPointer('', 'webhooks', name), name, '', 'webhook')) events.set(event.id, event);
  }
  for (const [path, rawItem] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
    const { node: item, pointer: itemAt } = deref(doc, rawItem, joinPointer('', 'paths', path));
    if (!isObj(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObj(op) || !isObj(op.callbacks)) continue;
      const owner = typeof op.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${path}`;
      for (const [callback, rawExpressions] of Object.entries(op.callbacks)) {
        const { node: expressions, pointer: callbackAt } = deref(doc, rawExpressions, joinPointer(itemAt, method, 'callbacks', callback));
        if (!isObj(expressions)) continue;
        const several = Object.keys(expressions).length > 1;
        for (const [expression, cbItem] of Object.entries(expressions)) {
          const name = `${owner} › ${callback}${several ? ` ${expression}` : ''}`;
          for (const event of readPathItem(doc, cbItem, joinPointer(callbackAt, expression), name, expression, 'callback')) events.set(event.id, event);
        }
      }
    }
  }
  return events;
}

/** The events of one path item: one per method it documents. */
function readPathItem(doc: Obj, raw: unknown, at: string, name: string, path: string, kind: ReceivedEvent['kind']): ReceivedEvent[] {
  const { node: item, pointer: itemAt } = deref(doc, raw, at);
  if (!isObj(item)) return [];
  const methods = HTTP_METHODS.filter((m) => isObj(item[m]));
  return methods.map((method) => {
    const id = methods.length > 1 ? `${name} ${method.toUpperCase()}` : name;
    const pointer = joinPointer(itemAt, method);
    // An event's sender is the partner: only the event's own `security` says how it authenticates.
    const event = readOperation(doc, item[method] as Obj, { id, method, path, pointer, shared: pathItemParameters(item, itemAt), security: [] });
    return { ...event, mutating: false, kind };
  });
}
