import { pathTemplateSource } from '../contract/index.ts';
import type { OperationHandler } from './handlers.ts';

/** The operation a request is for, and its path parameters (percent-decoded). */
export interface Routed {
  operation: OperationHandler;
  pathParams: Record<string, string>;
}

interface Compiled {
  operation: OperationHandler;
  pattern: RegExp;
  names: string[];
}

/**
 * The loopback server's router: each operation's path under the base path compiled once into a regular
 * expression, tried in the operations' order (literal paths before templated ones, routes.ts). It matches as
 * msw's `*<base><path>` pattern does: anything before the base path, a parameter is one segment, a trailing
 * slash and letter case are let by.
 */
export function createRouter(base: string, operations: readonly OperationHandler[]): (method: string, pathname: string) => Routed | undefined {
  const byMethod = new Map<string, Compiled[]>();
  for (const operation of operations) {
    const { op } = operation.route;
    const { source, names } = pathTemplateSource(base + op.path, '([^/#?]+?)');
    const method = op.method.toUpperCase();
    const list = byMethod.get(method) ?? [];
    list.push({ operation, pattern: new RegExp(`^.*?${source}/?$`, 'i'), names });
    byMethod.set(method, list);
  }
  return (method, pathname) => {
    for (const c of byMethod.get(method) ?? []) {
      const m = c.pattern.exec(pathname);
      if (!m) continue;
      const pathParams: Record<string, string> = {};
      c.names.forEach((name, i) => (pathParams[name] = decoded(m[i + 1]!)));
      return { operation: c.operation, pathParams };
    }
    return undefined;
  };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
