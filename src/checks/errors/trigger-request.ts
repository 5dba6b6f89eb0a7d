import type { Operation } from '../../contract/index.ts';
import type { ErrorTrigger } from '../../errors/index.ts';
import type { RequestParts } from '../../http/index.ts';

/**
 * What a trigger changes in the contract's example request: its params sorted into path and query by
 * where the operation declares them (undeclared ones go to the query, where a sandbox may read magic
 * values), its headers, its body fragment. Only the parts the trigger names are present.
 */
export function triggerOverrides(op: Operation, trigger: ErrorTrigger): RequestParts {
  const over: RequestParts = {};
  for (const [name, value] of Object.entries(trigger.params ?? {})) {
    const inPath = op.parameters.some((p) => p.in === 'path' && p.name === name);
    const target = inPath ? (over.params ??= {}) : (over.query ??= {});
    target[name] = value;
  }
  if (trigger.headers !== undefined) over.headers = { ...trigger.headers };
  if (trigger.body !== undefined) over.body = trigger.body;
  return over;
}
