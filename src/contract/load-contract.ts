import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type SwaggerParserType from '@apidevtools/swagger-parser';
import type { ErrorObject } from 'ajv';
import { InputError, pointerToPath, readLocatedYaml } from '../source/index.ts';
import type { InputProblem, LocatedDocument, ReadLimit } from '../source/index.ts';
import { splitPointer } from '../json/index.ts';
import { CONTRACT_READ, readContractFiles } from './contract-files.ts';
import type { ContractFiles } from './contract-files.ts';
import { diskCache, digest } from './disk-cache.ts';
import { parseContractText } from './fast-parse.ts';
import { indexOperations } from './index-operations.ts';
import { indexWebhooks } from './index-webhooks.ts';
import type { Contract } from './model.ts';
import { findRefCycles } from './ref-cycles.ts';
import { resolveRefs } from './resolve-refs.ts';
import { as30ForValidation, normalizeSchemas } from './schema-dialect.ts';

type Obj = Record<string, unknown>;

export interface LoadContractOptions {
  /**
   * 'strict' (default): a contract that breaks the OpenAPI schema, or names a `$ref` target that does not
   * exist, is bad input. 'lenient': published contracts that break it in places (a null where a list belongs,
   * a `$ref` to a schema never written) still load; the breaks become warnings.
   */
  validation?: 'strict' | 'lenient';
}

/**
 * Loads an OpenAPI 3.0/3.1 contract (YAML or JSON, `$ref` across files allowed): read every file, follow
 * every `$ref`, validate against the OpenAPI schema, bundle, index operations. Every problem comes back as
 * an InputError located in the file that holds it — even a failure inside railgate, so that `lint` and
 * `run` say which contract they could not load instead of stopping on an internal error.
 */
export async function loadContract(file: string, opts: LoadContractOptions = {}): Promise<Contract> {
  const cache = diskCache('contract');
  // Where and how it is loaded: messages name the files relative to the working directory, as given.
  const where = JSON.stringify([file, process.cwd(), opts.validation ?? 'strict']);
  const cached = cache && (await cachedContract(await cache.get(where)));
  if (cached) return cached;
  // The text of each file as this load read it: what the contract was made from, whatever the file says by the time it is hashed.
  const seen = new Map<string, string>();
  const limit: ReadLimit = {
    ...CONTRACT_READ,
    parse: (f, text) => {
      seen.set(path.resolve(f), textHash(text));
      return parseContractText(f, text);
    },
  };
  const { contract, files } = await guarded(file, (progress) => readContract(file, opts, progress, limit));
  const prints: Array<[string, string]> = [];
  let asRead = true;
  for (const f of files) {
    const now = await readPrint(f);
    prints.push([f, now.print]);
    const saw = seen.get(f);
    if (saw === undefined ? now.text !== undefined : saw !== now.text) asRead = false;
  }
  // A file saved, removed or written while the contract was read: its hash now is not what the contract was made from.
  // Neither the contract nor anything made of it (lint's findings) is kept; the next command reads it again.
  if (!asRead) return contract;
  CONTENT.set(contract, { key: digest(prints.flat()), prints });
  if (cache) await cache.put(where, { prints, contract });
  return contract;
}

/**
 * Each loaded contract's content: every file it was made from with its hash (even those a `$ref` named and could not
 * open), and the sha256 of them all, its content key. None for a contract whose files changed while it was read.
 */
const CONTENT = new WeakMap<Contract, { key: string; prints: Array<[string, string]> }>();

/**
 * What `compute` makes of a loaded contract, kept on disk beside it: found again while every file of the contract has
 * the same bytes, railgate is the same build and `inputs` (what else it reads: the profile's hash, options) are the
 * same. Names in messages are relative to the working directory, which is part of the key. Only results are kept:
 * a throw is thrown again next time.
 */
export async function cachedForContract<T>(kind: string, contract: Contract, inputs: readonly string[], compute: () => Promise<T>): Promise<T> {
  const content = CONTENT.get(contract);
  const cache = content === undefined ? undefined : diskCache(kind);
  if (!cache || content === undefined) return compute();
  const key = JSON.stringify([content.key, contract.file, process.cwd(), ...inputs]);
  const hit = (await cache.get(key)) as { value: T } | undefined;
  if (hit && typeof hit === 'object' && 'value' in hit) return hit.value;
  const value = await compute();
  // compute reads the files again (to place findings at their lines): not kept if one was saved meanwhile.
  for (const [f, print] of content.prints) if ((await fingerprint(f)) !== print) return value;
  await cache.put(key, { value });
  return value;
}

/** A cached entry's contract, when every file it was made from still has the same bytes (or is still missing). */
async function cachedContract(entry: unknown): Promise<Contract | undefined> {
  const e = entry as { prints?: Array<[string, string]>; contract?: Contract } | undefined;
  if (!e || !Array.isArray(e.prints) || e.prints.length === 0 || !e.contract) return undefined;
  for (const [f, print] of e.prints) if ((await fingerprint(f)) !== print) return undefined;
  CONTENT.set(e.contract, { key: digest(e.prints.flat()), prints: e.prints });
  return e.contract;
}

/** A file's bytes, hashed; or why it cannot be read (a `$ref` target that does not exist yet must miss once written). */
async function fingerprint(file: string): Promise<string> {
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch (e) {
    return `unread:${(e as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** A file's print, as fingerprint gives it, and the hash of its text as a read of it decodes it; no text when it cannot be read. */
async function readPrint(file: string): Promise<{ print: string; text?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { print: `unread:${(e as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  return { print: createHash('sha256').update(bytes).digest('hex'), text: textHash(new TextDecoder('utf-8').decode(bytes)) };
}

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function swaggerParser(): Promise<typeof SwaggerParserType> {
  return (await import('@apidevtools/swagger-parser')).default;
}

/**
 * What `sign` needs of a contract: its servers and operations, every `$ref` followed and bundled, without the
 * OpenAPI schema check, the cycle search or the schemas' rewriting (seconds on a large contract). A `$ref` to a
 * missing target is an open schema here, as under lenient validation; a file that cannot be read is an error.
 */
export async function loadOperations(file: string): Promise<Pick<Contract, 'file' | 'servers' | 'operations'>> {
  return guarded(file, async (progress) => {
    const root = await readLocatedYaml(file, CONTRACT_READ);
    progress.stage = 'following its $refs';
    const files = await readContractFiles(root, openApiVersion(root).startsWith('3.1') ? '3.1' : '3.0');
    const refs = resolveRefs(files, true);
    if (files.problems.length + refs.errors.length > 0) throw new InputError([...files.problems, ...refs.errors]);
    progress.stage = 'bundling it';
    const SwaggerParser = await swaggerParser();
    const bundled = (await new SwaggerParser().bundle(file, root.data as never, bundleOptions(files) as never)) as unknown as Obj;
    progress.stage = 'indexing its operations';
    const { operations } = indexOperations(bundled);
    return { file, servers: Array.isArray(bundled.servers) ? bundled.servers.map(serverUrl) : [], operations };
  });
}

/** Every failure while loading is an input problem located in the contract, naming the stage it stopped at. */
async function guarded<T>(file: string, load: (progress: { stage: string }) => Promise<T>): Promise<T> {
  const progress = { stage: 'reading it' };
  try {
    return await load(progress);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new InputError([{ file, line: 1, col: 1, path: '', message: `railgate could not load this contract (while ${progress.stage}): ${reason}` }]);
  }
}

/** The contract, and every file read for it (absolute paths, the root first). */
async function readContract(file: string, opts: LoadContractOptions, progress: { stage: string }, limit: ReadLimit): Promise<{ contract: Contract; files: string[] }> {
  const root = await readLocatedYaml(file, limit);
  const version = openApiVersion(root);
  const dialect = version.startsWith('3.1') ? '3.1' : '3.0';
  progress.stage = 'following its $refs';
  const files = await readContractFiles(root, dialect, limit);
  const refs = resolveRefs(files, opts.validation === 'lenient');
  progress.stage = 'looking for $ref cycles';
  const warnings = [...refs.warnings, ...findRefCycles(refs.resolved)];
  // Every warning of resolveRefs but a remote $ref is a dangling one strict loading refuses.
  let relaxed = refs.warnings.length - refs.remote.length;
  const limits = [...unhonouredKeywords(files), ...dropBadPatterns(files)];
  const errors = [...files.problems, ...refs.errors];
  progress.stage = 'bundling it';
  const SwaggerParser = await swaggerParser();
  const parser = new SwaggerParser();
  let bundled: Obj;
  try {
    bundled = (await parser.bundle(file, root.data as never, bundleOptions(files) as never)) as unknown as Obj;
  } catch (e) {
    throw new InputError([...errors, ...parserProblems(root, e)]);
  }
  progress.stage = 'validating it against the OpenAPI schema';
  const invalid = await validateOpenApi(SwaggerParser, bundled, dialect);
  if (invalid) {
    // A `$ref` already reported and dropped leaves an empty object the meta-schema complains about again.
    const problems = parserProblems(root, invalid).filter((p) => !refs.patched.has(`${p.file}\u0000${p.path}`));
    if (opts.validation === 'lenient' && (invalid as { details?: unknown }).details) {
      warnings.push(...problems);
      relaxed += problems.length;
    } else errors.push(...problems.map(relaxable));
  }
  if (errors.length > 0) throw new InputError(errors.map((p) => (refs.errors.includes(p) && !p.message.startsWith('$ref names a file') ? relaxable(p) : p)));
  progress.stage = 'indexing its operations';
  const { operations, problems } = indexOperations(bundled);
  if (problems.length > 0) throw new InputError(problems.map((p) => root.problem(splitPointer(p.pointer), p.message)));
  const servers = Array.isArray(bundled.servers) ? bundled.servers.map(serverUrl) : [];
  const info = isObj(bundled.info) ? bundled.info : {};
  const components = isObj(bundled.components) ? bundled.components : {};
  progress.stage = 'reading its schemas';
  normalizeSchemas(bundled);
  const contract: Contract = {
    file,
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    openapi: version,
    hash: await hashFiles(parser.$refs.paths().filter((p) => !/^https?:/i.test(p))),
    remoteRefs: refs.remote,
    warnings,
    limits,
    basePath: basePathOf(servers[0]),
    servers,
    operations,
    webhooks: indexWebhooks(bundled),
    bundled,
    ...(relaxed > 0 && { relaxed }),
    securitySchemes: (isObj(components.securitySchemes) ? components.securitySchemes : {}) as Record<string, Record<string, unknown>>,
  };
  return { contract, files: [...files.files.keys()] };
}

function openApiVersion(root: LocatedDocument): string {
  const data = isObj(root.data) ? root.data : {};
  if (typeof data.openapi === 'string' && /^3\.[01]\.\d+$/.test(data.openapi)) return data.openapi;
  if (root.data === null || root.data === undefined) throw new InputError([root.problem([], 'is empty: expected an OpenAPI 3.0 or 3.1 document')]);
  if (typeof data.swagger === 'string') throw new InputError([root.problem(['swagger'], 'Swagger 2.0 is not supported: convert the contract to OpenAPI 3.0 or 3.1', 'key')]);
  // Without the key at all, the file is likely something else: a profile, a Postman collection, a JSON Schema.
  const msg = 'openapi' in data ? `must be an OpenAPI version 3.0.x or 3.1.x (found ${JSON.stringify(data.openapi)})` : 'not an OpenAPI document: it has no openapi key (expected openapi: 3.0.x or 3.1.x)';
  throw new InputError([root.problem('openapi' in data ? ['openapi'] : [], msg)]);
}

/**
 * swagger-parser bundles the objects railgate already read (and patched where a `$ref` could not be
 * followed) instead of parsing each file again. Remote refs were all dropped while reading; the offline
 * resolver only guarantees that nothing railgate missed is ever fetched from a third host.
 */
function bundleOptions(files: ContractFiles): object {
  const parsed = (url: string) => files.files.get(fileOf(url));
  return {
    resolve: {
      parsed: { order: 1, canRead: (f: { url: string }) => typeof parsed(f.url) === 'object', read: (f: { url: string }) => (parsed(f.url) as LocatedDocument).data },
      http: { order: 2, canRead: /^https?:\/\//i, read: () => '{}' },
    },
  };
}

function fileOf(url: string): string {
  try {
    return decodeURI(url.replace(/^file:\/\//, ''));
  } catch {
    return url;
  }
}

/**
 * Validates against the OpenAPI meta-schema with the `$ref`s left in place (a Reference Object is valid
 * wherever the spec allows one): each part is checked once, where it is written, and a 3 MB published
 * contract validates in a tenth of the time a dereferenced copy takes. A 3.0 contract is shown with its
 * 2020-12 spellings said the 3.0 way, so a mixture is not refused for its spelling.
 */
async function validateOpenApi(SwaggerParser: typeof SwaggerParserType, bundled: Obj, dialect: '3.0' | '3.1'): Promise<unknown> {
  const view = dialect === '3.0' ? as30ForValidation(bundled) : bundled;
  try {
    await SwaggerParser.validate(view as never, { resolve: { external: false }, dereference: { excludedPathMatcher: () => true } } as never);
    return undefined;
  } catch (e) {
    return e;
  }
}

/** Formats and keywords railgate reads past: each once, at its first use, with how often it is used. */
function unhonouredKeywords(files: ContractFiles): InputProblem[] {
  const uses = (n: number): string => (n > 1 ? ` (used ${n} times)` : '');
  return [
    ...[...files.unknownFormats].map(([format, use]) => use.first.doc.problem(use.first.at, `format '${format}' is not one railgate knows: values are not checked against it${uses(use.count)}`)),
    ...[...files.ignoredKeywords].map(([keyword, use]) => use.first.doc.problem(use.first.at, `${keyword} is JSON Schema 2020-12, which railgate does not apply in an OpenAPI 3.0 contract${uses(use.count)}`)),
  ];
}

/** A `pattern` JavaScript cannot compile would stop every validator that meets it: it is dropped, and said so. */
function dropBadPatterns(files: ContractFiles): InputProblem[] {
  return files.badPatterns.map((bad) => {
    delete bad.holder.pattern;
    return bad.doc.problem(bad.at, `JavaScript cannot compile this pattern (${bad.reason}): values are not checked against it`);
  });
}

function serverUrl(server: unknown): string {
  return isObj(server) && typeof server.url === 'string' ? server.url : '';
}

function basePathOf(server: string | undefined): string {
  if (!server) return '';
  try {
    const p = new URL(server, 'http://placeholder').pathname;
    return p === '/' ? '' : p.replace(/\/$/, '');
  } catch {
    return '';
  }
}

async function hashFiles(files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) h.update(await readFile(f));
  return 'sha256:' + h.digest('hex');
}

function parserProblems(located: LocatedDocument, e: unknown): InputProblem[] {
  const details = (e as { details?: ErrorObject[] }).details;
  if (Array.isArray(details) && details.length > 0) {
    // The OpenAPI meta-schema reports a parent's `if/else` beside its children; keep what says what to fix.
    const useful = details.filter((d) => d.keyword !== 'if' && d.keyword !== 'unevaluatedProperties');
    return (useful.length > 0 ? useful : details).map((d) => {
      const p = pointerToPath(d.instancePath);
      // The key OpenAPI does not allow, named and pointed at: "info: must NOT have additional properties" left it to guess.
      if (d.keyword === 'additionalProperties') {
        const key = String((d.params as { additionalProperty: string }).additionalProperty);
        return located.problem([...p, key], `unknown key '${key}': OpenAPI does not allow it here`, 'key');
      }
      let message = d.message ?? 'is invalid';
      if (d.keyword === 'required') message = `missing required key '${String((d.params as { missingProperty: string }).missingProperty)}'`;
      if (d.keyword === 'enum') message = `must be one of: ${(d.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
      return located.problem(p, message);
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return [{ file: located.file, line: 1, col: 1, path: '', message: message.split('\n')[0] ?? message }];
}

/**
 * A break `contractValidation: lenient` turns into a warning says so (issue 15): the option sat in a decision
 * record, and a published contract's typo looked like a dead end.
 */
function relaxable(p: InputProblem): InputProblem {
  return { ...p, message: `${p.message} (contractValidation: lenient makes it a warning)` };
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
