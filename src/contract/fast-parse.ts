import { MAX_DEPTH, formatPath, parseLocatedYaml } from '../source/index.ts';
import type { LocatedDocument, Position } from '../source/index.ts';
import { jsonLocator } from './json-locate.ts';
import { yamlLocator } from './yaml-locate.ts';

/**
 * swagger-parser's base class (json-schema-ref-parser): reads one file with its parsers, no OpenAPI check. Imported
 * at the first read: a command that finds its contract in the cache (disk-cache.ts) never loads the package.
 */
async function refParser(): Promise<{ parse(path: string, options: object): Promise<unknown> }> {
  return Object.getPrototypeOf((await import('@apidevtools/swagger-parser')).default) as { parse(path: string, options: object): Promise<unknown> };
}

/**
 * A contract file's text as a document whose data comes from swagger-parser's own reader (js-yaml, YAML 1.2
 * core schema) — 5 to 15 times faster than the yaml library that railgate's profiles use, which builds a node
 * with its source range for every value — and whose positions come from that library only once a problem must
 * be placed (docs/decisions/contract-loading.md); in JSON text, placed by a scan along the key path (json-locate.ts). Whenever the fast reader cannot vouch for the data, the file is
 * read the located way, which says what is wrong: a syntax error, a duplicate key, a second document (it
 * throws), an alias (it shares the node, which the walk below sees), nesting past the limit.
 */
export async function parseContractText(file: string, text: string): Promise<LocatedDocument> {
  const data = await fastData(file, text);
  if (data === undefined) return parseLocatedYaml(file, text);
  let located: LocatedDocument | undefined;
  const full = (): LocatedDocument => (located ??= parseLocatedYaml(file, text));
  const quick = /^\s*[{[]/.test(text) ? jsonLocator(text) : yamlLocator(text);
  const locate = (path: ReadonlyArray<string | number>, at?: 'key' | 'value'): Position => quick(path, at) ?? full().locate(path, at);
  return {
    file,
    data,
    locate,
    problem(path, message, at) {
      return { file, ...locate(path, at), path: formatPath(path), message };
    },
  };
}

async function fastData(file: string, text: string): Promise<unknown> {
  let data: unknown;
  try {
    data = await (await refParser()).parse(file, {
      // JSON text too goes to the YAML reader: JSON.parse keeps the last of two equal keys without a word.
      parse: { json: false, text: false, binary: false },
      resolve: { file: false, http: false, given: { order: 1, canRead: true, read: () => text } },
    });
  } catch {
    return undefined;
  }
  return typeof data === 'object' && data !== null && plainTree(data) ? data : undefined;
}

/** No value reached twice (a YAML alias: the located reader refuses what multiplies) and nothing nested past MAX_DEPTH. */
function plainTree(root: object): boolean {
  const seen = new Set<object>();
  const stack: Array<[object, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (seen.has(node) || depth > MAX_DEPTH) return false;
    seen.add(node);
    for (const v of Object.values(node)) if (typeof v === 'object' && v !== null) stack.push([v, depth + 1]);
  }
  return true;
}
