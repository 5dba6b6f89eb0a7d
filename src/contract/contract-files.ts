import path from 'node:path';
import { MAX_CONTRACT_BYTES, isInputError, readLocatedYaml } from '../source/index.ts';
import type { InputProblem, LocatedDocument, ReadLimit } from '../source/index.ts';
import { knownContractFormats } from './ajv-formats.ts';
import { parseContractText } from './fast-parse.ts';
import { DATA_KEYS, IGNORED_IN_30, NAME_MAPS } from './schema-dialect.ts';

/**
 * Reads a contract's root file and every file its `$ref`s reach, each parsed once with positions, and notes
 * on the way what later steps must place in those files: every `$ref`, the formats railgate does not know,
 * `pattern`s JavaScript cannot compile, and 2020-12 keywords a 3.0 contract's validators would not apply.
 * swagger-parser then bundles these same parsed objects, so a fix made here is what gets validated.
 */

export type KeyPath = Array<string | number>;
type Obj = Record<string, unknown>;

/** A place in one of the contract's files. */
export interface Place {
  doc: LocatedDocument;
  at: KeyPath;
}

/** One `$ref` as written, with the object holding it, which is patched when the ref cannot be followed. */
export interface RefSite extends Place {
  /** Absolute path of the file that holds it. */
  file: string;
  holder: Obj;
  ref: string;
}

/** A name that schemas use: where first, and how many times. */
export interface FirstUse {
  first: Place;
  count: number;
}

/**
 * A file of the contract, parsed; or, for a file a `$ref` names, why it could not be opened (reported at
 * the `$ref`), or `unparsable` (its syntax errors are reported in it).
 */
export type ContractFile = LocatedDocument | { unopened: string } | 'unparsable';

export interface ContractFiles {
  /** By absolute path, the root first. */
  files: Map<string, ContractFile>;
  refs: RefSite[];
  unknownFormats: Map<string, FirstUse>;
  ignoredKeywords: Map<string, FirstUse>;
  badPatterns: Array<Place & { holder: Obj; reason: string }>;
  /** Syntax errors in files a `$ref` names, located in those files. */
  problems: InputProblem[];
}

const MAX_DEPTH = 200;

/** Every file of a contract is read with this cap: far above a real published contract (Square's is 3 MB). */
export const CONTRACT_READ: ReadLimit = { maxBytes: MAX_CONTRACT_BYTES, kind: 'contract files', parse: parseContractText };

/** What one read of a contract carries from file to file. */
interface Scan {
  found: ContractFiles;
  dialect: '3.0' | '3.1';
  known: ReadonlySet<string>;
  /** Why a pattern does not compile, by pattern: published contracts repeat the same few many times. */
  patterns: Map<string, string | undefined>;
}

/** The root and every file its `$ref`s reach, transitively, each read once (with `limit`: how a contract file is read). */
export async function readContractFiles(root: LocatedDocument, dialect: '3.0' | '3.1', limit: ReadLimit = CONTRACT_READ): Promise<ContractFiles> {
  const found: ContractFiles = { files: new Map([[path.resolve(root.file), root]]), refs: [], unknownFormats: new Map(), ignoredKeywords: new Map(), badPatterns: [], problems: [] };
  const scan: Scan = { found, dialect, known: knownContractFormats(), patterns: new Map() };
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const doc = queue[i] as LocatedDocument;
    const from = found.refs.length;
    scanFile(doc, scan);
    for (const site of found.refs.slice(from)) {
      const target = refTarget(site);
      if (!target || found.files.has(target.file)) continue;
      const read = await readReferenced(target.file, found.problems, limit);
      found.files.set(target.file, read);
      if (typeof read === 'object' && 'data' in read) queue.push(read);
    }
  }
  return found;
}

/** Where a `$ref` points: an absolute file and a JSON Pointer in it; undefined for a remote URL. */
export function refTarget(site: RefSite): { file: string; pointer: string } | undefined {
  if (/^https?:\/\//i.test(site.ref)) return undefined;
  const hash = site.ref.indexOf('#');
  const filePart = hash < 0 ? site.ref : site.ref.slice(0, hash);
  const pointer = hash < 0 ? '' : decode(site.ref.slice(hash + 1));
  return { file: filePart ? path.resolve(path.dirname(site.file), decode(filePart)) : site.file, pointer };
}

/** How railgate names a file in messages: relative to where it runs, as the profile's contract is. */
export function displayName(file: string): string {
  return path.relative(process.cwd(), file);
}

async function readReferenced(file: string, problems: InputProblem[], limit: ReadLimit): Promise<ContractFile> {
  try {
    return await readLocatedYaml(displayName(file), limit);
  } catch (e) {
    if (!isInputError(e)) throw e;
    const why = e.problems.length === 1 ? e.problems[0]?.message : undefined;
    if (why && /^(file not found|is a directory|cannot read)/.test(why)) return { unopened: why };
    problems.push(...e.problems);
    return 'unparsable';
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * One pass over a file. `$ref`s are collected everywhere, as swagger-parser follows them everywhere (even in
 * examples); schema keywords only where schemas sit, not in data (examples, enums, `x-` extensions) nor on
 * name maps (`properties`, `responses`).
 */
function scanFile(doc: LocatedDocument, scan: Scan): void {
  const file = path.resolve(doc.file);
  const at: KeyPath = [];
  const visit = (node: unknown, data: boolean, named: boolean, depth: number): void => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        at.push(i);
        visit(item, data, false, depth + 1);
        at.pop();
      });
      return;
    }
    const o = node as Obj;
    if (typeof o.$ref === 'string') scan.found.refs.push({ doc, at: [...at], file, holder: o, ref: o.$ref });
    const schema = !data && !named;
    if (schema) noteSchema(o, { doc, at }, scan);
    for (const [k, v] of Object.entries(o)) {
      if (v === null || typeof v !== 'object') continue;
      at.push(k);
      visit(v, data || (schema && (DATA_KEYS.has(k) || k.startsWith('x-'))), schema && NAME_MAPS.has(k), depth + 1);
      at.pop();
    }
  };
  visit(doc.data, false, false, 0);
}

function noteSchema(o: Obj, here: Place, scan: Scan): void {
  const { found } = scan;
  if (typeof o.format === 'string' && !scan.known.has(o.format)) countUse(found.unknownFormats, o.format, here, 'format');
  if (scan.dialect === '3.0') for (const k of IGNORED_IN_30) if (k in o) countUse(found.ignoredKeywords, k, here, k);
  if (typeof o.pattern === 'string') {
    const reason = patternProblem(o.pattern, scan.patterns);
    if (reason) found.badPatterns.push({ doc: here.doc, at: [...here.at, 'pattern'], holder: o, reason });
  }
}

function countUse(uses: Map<string, FirstUse>, name: string, here: Place, key: string): void {
  const use = uses.get(name);
  if (use) use.count++;
  else uses.set(name, { first: { doc: here.doc, at: [...here.at, key] }, count: 1 });
}

/** Why ajv could not compile a pattern (it builds `new RegExp(pattern)`, as railgate's validators have no `u` flag). */
function patternProblem(pattern: string, verdicts: Map<string, string | undefined>): string | undefined {
  if (!verdicts.has(pattern)) {
    try {
      new RegExp(pattern);
      verdicts.set(pattern, undefined);
    } catch (e) {
      // V8 repeats the pattern in its message: keep only what is wrong with it.
      verdicts.set(pattern, (e instanceof Error ? e.message : String(e)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, ''));
    }
  }
  return verdicts.get(pattern);
}
