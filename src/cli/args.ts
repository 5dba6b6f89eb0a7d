import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_SEED } from '../random/index.ts';
import { QUIRKS, defectNames, unknownDefects } from '../simulator/defects.ts';
import { closest } from '../source/closest.ts';

export class UsageError extends Error {}

/** parseArgs, with its errors turned into usage errors (exit 2) instead of stack traces. */
export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>): Record<string, string | boolean | string[] | undefined> {
  const { values, positionals } = parseWithPositionals(args, options);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  return values;
}

/** parse, for a command that also takes arguments (`report --merge DIR…`). */
export function parseWithPositionals(args: string[], options: NonNullable<ParseArgsConfig['options']>): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: negativeValues(args, options), options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true, allowNegative: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(parseArgsMessage(e as Error & { code?: string }, Object.keys(options)));
  }
}

/**
 * `--time-scale -1` as `--time-scale=-1`: parseArgs takes a value that starts with '-' for an option and calls
 * it ambiguous; a negative number is meant as the value, and the option's own check then says what it takes.
 */
function negativeValues(args: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/**
 * parseArgs' own words, without its advice for positional arguments that start with '-' (misleading for a
 * mistyped option), and with the closest known option.
 */
function parseArgsMessage(e: Error & { code?: string }, known: string[]): string {
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(e.message);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const name = (unknown[1] as string).replace(/^-+/, '');
    const hint = closest(name, [...known, 'help']);
    return `unknown option '${unknown[1]}'${hint ? ` (did you mean '--${hint}'?)` : ''}`;
  }
  return e.message.split('\n')[0] ?? String(e);
}

/**
 * A whole-number option from `min` to `max`. Digits only: `Number` would read `1e3`, `0x10` or a 23-digit seed
 * (as 1e+23, which the run then printed as its seed).
 */
export function intOption(v: unknown, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  const n = /^-?\d+$/.test(String(v)) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${String(v)}')`);
  return n;
}

/** `--seed N`, else the default. The generator keeps 32 bits: a larger seed would give the data of a smaller one. */
export function seedOption(v: unknown): number {
  return intOption(v, 'seed', 0, 2 ** 32 - 1) ?? DEFAULT_SEED;
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

/** `--defect NAME` (repeatable): the simulator's planted defects and quirks (legitimate behaviours), each one it knows. */
export function defectsOption(v: unknown): string[] {
  const defects = (v as string[] | undefined) ?? [];
  const quirks = QUIRKS.map((q) => q.name);
  const unknown = unknownDefects(defects).filter((n) => !quirks.includes(n));
  if (unknown.length > 0) throw new UsageError(`unknown defect '${unknown[0]}' (defects: ${defectNames().join(', ')}; quirks: ${quirks.join(', ')})`);
  return defects;
}

/** `--rail CODE`: the profile schema's shape, `BR-PIX`, `EU-CARDS`. */
export function railOption(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (!/^[A-Z]{2}-[A-Z0-9-]+$/.test(String(v))) throw new UsageError(`--rail must be a rail code like BR-PIX or EU-CARDS: two capital letters, a dash, capitals and digits (got '${String(v)}')`);
  return String(v);
}
