import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { defectNames, unknownDefects } from '../simulator/defects.ts';

export class UsageError extends Error {}

/** parseArgs, with its errors turned into usage errors (exit 2) instead of stack traces. */
export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>): Record<string, string | boolean | string[] | undefined> {
  try {
    const { values, positionals } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true, allowNegative: true });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    return values as Record<string, string | boolean | string[] | undefined>;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message.split('\n')[0] ?? String(e));
  }
}

export function intOption(v: unknown, name: string, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number${min > 0 ? ` ≥ ${min}` : ''} (got '${String(v)}')`);
  return n;
}

/** `--time-scale`: real time per profile second, in (0, 1]. */
export function scaleOption(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new UsageError(`--time-scale must be a number in (0, 1] (got '${String(v)}')`);
  return n;
}

/** An http(s) URL option, or a usage error naming it. */
export function urlOption(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(String(v));
  } catch {
    throw new UsageError(`--${name} must be an http(s) URL (got '${String(v)}')`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${name} must be an http(s) URL (got '${String(v)}')`);
  return url.href;
}

/** `--defect NAME` (repeatable): the simulator's planted defects, each one it knows. */
export function defectsOption(v: unknown): string[] {
  const defects = (v as string[] | undefined) ?? [];
  const unknown = unknownDefects(defects);
  if (unknown.length > 0) throw new UsageError(`unknown defect '${unknown[0]}' (defects: ${defectNames().join(', ')})`);
  return defects;
}
