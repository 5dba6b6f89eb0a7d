import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ErrorObject } from 'ajv';
import { InputError, pointerToPath, readLocatedYaml } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import { indexOperations } from './index-operations.ts';
import type { Contract } from './model.ts';
import { getPointer, splitPointer } from '../json/index.ts';
import { normalizeOpenApi30 } from './schema-dialect.ts';

/**
 * Loads an OpenAPI 3.0/3.1 contract (YAML or JSON, `$ref` across files allowed): parse, validate against
 * the OpenAPI schema, bundle, index operations. Every problem comes back located in the root file.
 */
export interface LoadContractOptions {
  /**
   * 'strict' (default): a contract that breaks the OpenAPI schema is bad input. 'lenient': published
   * contracts that break it in places (a null where a list belongs) still load; the breaks become warnings.
   */
  validation?: 'strict' | 'lenient';
}

export async function loadContract(file: string, opts: LoadContractOptions = {}): Promise<Contract> {
  const located = await readLocatedYaml(file);
  const root = located.data as Record<string, unknown> | null;
  const version = typeof root?.openapi === 'string' ? root.openapi : '';
  if (!/^3\.[01]\.\d+$/.test(version)) {
    const msg = typeof root?.swagger === 'string' ? 'Swagger 2.0 is not supported: convert the contract to OpenAPI 3.0 or 3.1' : `must be an OpenAPI version 3.0.x or 3.1.x (found ${JSON.stringify(root?.openapi ?? null)})`;
    throw new InputError([located.problem(['openapi'], msg)]);
  }
  const parser = new SwaggerParser();
  const remoteRefs = new Set<string>();
  // Remote `$ref`s are never fetched: a run must not depend on a third host. Each becomes an open
  // schema (`{}`), and lint lists them, so a reviewer sees where validation is weaker.
  const offline = {
    order: 1,
    canRead: /^https?:\/\//i,
    read: (f: { url: string }) => {
      remoteRefs.add(f.url);
      return '{}';
    },
  };
  const options = { resolve: { http: offline }, dereference: { circular: true as const } };
  const warnings: InputProblem[] = patchDanglingRefs(located, root as Record<string, unknown>);
  let bundled: Record<string, unknown>;
  try {
    bundled = (await parser.bundle(file, root as never, options as never)) as unknown as Record<string, unknown>;
  } catch (e) {
    throw new InputError(parserProblems(located, e));
  }
  try {
    await SwaggerParser.validate(structuredClone(bundled) as never, options as never);
  } catch (e) {
    const problems = parserProblems(located, e);
    if (opts.validation !== 'lenient' || !(e as { details?: unknown }).details) throw new InputError(problems);
    warnings.push(...problems);
  }
  const { operations, problems } = indexOperations(bundled);
  if (problems.length > 0) throw new InputError(problems.map((p) => located.problem(splitPointer(p.pointer), p.message)));
  const servers = Array.isArray(bundled.servers) ? bundled.servers.map((s) => String((s as { url?: unknown }).url ?? '')) : [];
  const info = (bundled.info ?? {}) as Record<string, unknown>;
  const schemas = (bundled.components as Record<string, unknown> | undefined)?.securitySchemes;
  if (version.startsWith('3.0')) normalizeOpenApi30(bundled);
  return {
    file,
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    openapi: version,
    hash: await hashFiles(parser.$refs.paths().filter((p) => !/^https?:/i.test(p))),
    remoteRefs: [...remoteRefs],
    warnings: [
      ...warnings,
      ...[...remoteRefs].map((u) => ({ file, line: 1, col: 1, path: '', message: `remote $ref not fetched, treated as an open schema: ${u}` })),
    ],
    basePath: basePathOf(servers[0]),
    servers,
    operations,
    bundled,
    securitySchemes: (schemas ?? {}) as Record<string, Record<string, unknown>>,
  };
}

/**
 * Published contracts carry the odd internal `$ref` to a schema that does not exist. Refusing the whole
 * contract would block a launch on the partner's typo, so each becomes an open schema and a located warning.
 * Remote refs are never fetched (a run must not depend on a third host) and are treated the same way.
 */
function patchDanglingRefs(located: LocatedDocument, root: Record<string, unknown>): InputProblem[] {
  const warnings: InputProblem[] = [];
  const walk = (node: unknown, at: Array<string | number>, depth: number): void => {
    if (depth > 200 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...at, i], depth + 1));
      return;
    }
    const o = node as Record<string, unknown>;
    if (typeof o.$ref === 'string' && o.$ref.startsWith('#') && getPointer(root, o.$ref.slice(1)) === undefined) {
      warnings.push(located.problem([...at, '$ref'], `$ref target ${o.$ref} does not exist; treated as an open schema`));
      delete o.$ref;
    } else if (typeof o.$ref === 'string' && /^https?:\/\//i.test(o.$ref)) {
      warnings.push(located.problem([...at, '$ref'], `remote $ref not fetched, treated as an open schema: ${o.$ref}`));
      delete o.$ref;
    }
    for (const [k, v] of Object.entries(o)) walk(v, [...at, k], depth + 1);
  };
  walk(root, [], 0);
  return warnings;
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
      let message = d.message ?? 'is invalid';
      if (d.keyword === 'required') message = `missing required key '${String((d.params as { missingProperty: string }).missingProperty)}'`;
      return located.problem(p, message);
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  // Resolver errors name the file that failed; point at the root file otherwise.
  const refFile = /Error (?:opening|reading) file ([^:]+):/.exec(message)?.[1];
  return [{ file: refFile ? path.relative(process.cwd(), refFile) : located.file, line: 1, col: 1, path: '', message: message.split('\n')[0] ?? message }];
}
