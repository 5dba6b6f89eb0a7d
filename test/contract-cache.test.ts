import { readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lintPartner } from '../src/cli/cmd-lint.ts';
import { loadContract } from '../src/contract/index.ts';
import { DiskCache, cacheDir, hashTree, installedVersions, prune } from '../src/contract/disk-cache.ts';
import { loadVocabulary } from '../src/errors/index.ts';
import { loadPartners } from '../src/partner/index.ts';
import { InputError, formatInputProblem } from '../src/source/index.ts';
import type * as Source from '../src/source/index.ts';
import { runCli } from './helpers/cli.ts';
import { tempDir } from './helpers/workspace.ts';

// The on-disk cache of loaded contracts and their lint findings (src/contract/disk-cache.ts): whatever the cache
// holds — nothing, a good entry, a corrupt one, an entry for other bytes — lint says the same, at the same places.

/**
 * What to do to a contract's file (by name) just before or just after railgate reads it, one per read in turn: an
 * editor saving while railgate reads, landing between a read and the hashing of the file.
 */
const beforeRead = new Map<string, Array<() => void>>();
const afterRead = new Map<string, Array<() => void>>();

vi.mock('../src/source/index.ts', async (importOriginal) => {
  const source = await importOriginal<typeof Source>();
  return {
    ...source,
    readLocatedYaml: async (...args: Parameters<typeof source.readLocatedYaml>) => {
      const name = path.basename(args[0]);
      beforeRead.get(name)?.shift()?.();
      try {
        return await source.readLocatedYaml(...args);
      } finally {
        afterRead.get(name)?.shift()?.();
      }
    },
  };
});

const MAIN = `openapi: 3.1.0
info: { title: Cached, version: '1' }
paths:
  /payouts:
    post:
      operationId: createPayout
      requestBody:
        content:
          application/json:
            schema: { $ref: 'schemas.yaml#/Payout' }
            examples:
              bad: { value: { amount: 'ten' } }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { $ref: 'schemas.yaml#/Payout' }
              example: { amount: 12 }
`;
const SCHEMAS = `Payout:
  type: object
  properties:
    amount: { type: integer }
`;
const PROFILE = `id: cached
name: Cached
contract: ../contracts/main.yaml
rails: [XX-TEST]
environments: {}
contractValidation: lenient
`;

let ws: { dir: string; dispose(): Promise<void> };
let cache: string;
const saved = { dir: process.env.RAILGATE_CACHE_DIR, off: process.env.RAILGATE_CACHE };

beforeEach(async () => {
  ws = await tempDir('railgate-cache-');
  mkdirSync(path.join(ws.dir, 'partners'));
  mkdirSync(path.join(ws.dir, 'contracts'));
  writeFileSync(path.join(ws.dir, 'partners', 'cached.yaml'), PROFILE);
  writeFileSync(path.join(ws.dir, 'contracts', 'main.yaml'), MAIN);
  writeFileSync(path.join(ws.dir, 'contracts', 'schemas.yaml'), SCHEMAS);
  cache = path.join(ws.dir, 'cache');
  process.env.RAILGATE_CACHE_DIR = cache;
  delete process.env.RAILGATE_CACHE;
});

afterEach(async () => {
  beforeRead.clear();
  afterRead.clear();
  for (const [k, v] of [['RAILGATE_CACHE_DIR', saved.dir], ['RAILGATE_CACHE', saved.off]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await ws.dispose();
});

/** What `railgate lint` prints for the workspace's one partner, line by line. */
async function lint(): Promise<string[]> {
  const [partner] = await loadPartners(ws.dir);
  return (await lintPartner(partner!, await loadVocabulary())).map((l) => `${l.level} ${l.line}`);
}

async function entries(): Promise<string[]> {
  try {
    return (await readdir(cache)).sort();
  } catch {
    return [];
  }
}

const contractFile = (): string => path.relative(process.cwd(), path.join(ws.dir, 'contracts', 'main.yaml'));

describe('the contract cache on disk', () => {
  it('gives a warm lint the findings and positions of a cold one, and is what the warm one reads', async () => {
    const cold = await lint();
    // The findings are real ones, located in the contract's file: the example that breaks its schema, the missing 4xx and security.
    expect(cold.filter((l) => l.startsWith('warning'))).toEqual([
      `warning ${contractFile()}:14:9  error-responses: createPayout documents no 4xx response`,
      `warning ${contractFile()}:6:7  security: createPayout declares no security requirement`,
      `warning ${contractFile()}:12:20  examples-valid: createPayout request body example 'bad': /amount must be integer`,
    ]);
    expect((await entries()).map((e) => e.replace(/-[0-9a-f]{64}\.v8$/, ''))).toEqual(['contract', 'lint']);
    expect(await lint()).toEqual(cold);

    // A hit is served from the entry, not recomputed: an entry altered on purpose (well formed) is what comes back.
    const where = JSON.stringify([contractFile(), process.cwd(), 'lenient']);
    const store = new DiskCache(cache, 'contract');
    const entry = (await store.get(where)) as { contract: { title: string } };
    entry.contract.title = 'Served from the cache';
    await store.put(where, entry);
    expect((await loadContract(contractFile(), { validation: 'lenient' })).title).toBe('Served from the cache');
  });

  it('misses when the contract or a file it refers to changes, or a missing $ref target appears', async () => {
    const cold = await lint();
    await writeFile(path.join(ws.dir, 'contracts', 'main.yaml'), MAIN.replace("amount: 'ten'", 'amount: 10'));
    const fixed = await lint();
    expect(fixed.some((l) => l.includes('examples-valid'))).toBe(false);
    expect(fixed).not.toEqual(cold);

    // The schema the example is judged by, in the other file: now a string is what it wants.
    await writeFile(path.join(ws.dir, 'contracts', 'schemas.yaml'), SCHEMAS.replace('type: integer', 'type: string'));
    const changedRef = await lint();
    expect(changedRef.filter((l) => l.includes('examples-valid'))).toEqual([
      `warning ${contractFile()}:12:20  examples-valid: createPayout request body example 'bad': /amount must be string`,
      `warning ${contractFile()}:19:24  examples-valid: createPayout 201 response example 'default': /amount must be string`,
    ]);

    // A $ref to a schema not written yet: a warning (lenient), kept; once written, the contract reads it.
    await writeFile(path.join(ws.dir, 'contracts', 'main.yaml'), MAIN.replaceAll('schemas.yaml#/Payout', 'schemas.yaml#/Later'));
    await writeFile(path.join(ws.dir, 'contracts', 'schemas.yaml'), SCHEMAS);
    const dangling = await lint();
    expect(dangling.filter((l) => l.includes('#/Later does not exist'))).toHaveLength(2);
    expect(await lint()).toEqual(dangling);
    await writeFile(path.join(ws.dir, 'contracts', 'schemas.yaml'), SCHEMAS + SCHEMAS.replace('Payout:', 'Later:'));
    const written = await lint();
    expect(written.some((l) => l.includes('#/Later'))).toBe(false);
    expect(written).toEqual(cold);

    // Each is what railgate finds with no cache at all.
    process.env.RAILGATE_CACHE = 'off';
    expect(await lint()).toEqual(written);
  });

  it('ignores a corrupt, cut short or unreadable entry and writes a good one in its place', async () => {
    const cold = await lint();
    const files = await entries();
    for (const damage of [() => Buffer.from('not an entry'), (b: Buffer) => b.subarray(0, b.length >> 1), (b: Buffer) => Buffer.concat([b.subarray(0, 40), Buffer.from([b[40]! ^ 0xff]), b.subarray(41)])]) {
      for (const f of files) await writeFile(path.join(cache, f), damage(await readFile(path.join(cache, f))));
      expect(await lint()).toEqual(cold);
      expect(await entries()).toEqual(files);
      expect(await lint()).toEqual(cold);
    }
    // A folder where an entry should be: read fails, write fails, lint still answers the same.
    for (const f of files) {
      await rm(path.join(cache, f));
      mkdirSync(path.join(cache, f));
    }
    expect(await lint()).toEqual(cold);
  });

  it('works with the cache off, writing nothing', async () => {
    process.env.RAILGATE_CACHE = 'off';
    expect(cacheDir()).toBeUndefined();
    const off = await lint();
    expect(await entries()).toEqual([]);
    delete process.env.RAILGATE_CACHE;
    expect(await lint()).toEqual(off);
    expect(await lint()).toEqual(off);
  });

  it('is no cache, and no hang, in a folder railgate cannot make (under /proc, where a recursive mkdir never returns)', { timeout: 20_000 }, async () => {
    const off = await (async () => {
      process.env.RAILGATE_CACHE = 'off';
      try {
        return await lint();
      } finally {
        delete process.env.RAILGATE_CACHE;
      }
    })();
    process.env.RAILGATE_CACHE_DIR = '/proc/1/railgate-cache';
    try {
      expect(await lint()).toEqual(off);
      expect(await lint()).toEqual(off);
    } finally {
      process.env.RAILGATE_CACHE_DIR = cache;
    }
  });

  it('keeps no result of a contract that does not load, and says the same each time', async () => {
    await writeFile(path.join(ws.dir, 'contracts', 'main.yaml'), MAIN.replace('operationId: createPayout', 'operationId: [createPayout'));
    const problems = async () => {
      const e = await loadContract(contractFile(), { validation: 'lenient' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems.map(formatInputProblem);
    };
    const first = await problems();
    expect(first[0]).toMatch(new RegExp(`^${contractFile().replace(/[.]/g, '\\.')}:\\d+:\\d+  `));
    expect(await problems()).toEqual(first);
    expect(await entries()).toEqual([]);
  });

  it('keeps the folder within its limit, the entries least recently used going first', async () => {
    const store = new DiskCache(cache, 'lint');
    for (const k of ['a', 'b', 'c']) {
      await store.put(k, { value: k });
      await utimes(store.fileOf(k), new Date(2020, 0, 1 + 'abc'.indexOf(k)), new Date(2020, 0, 1 + 'abc'.indexOf(k)));
    }
    expect(await store.get('a')).toEqual({ value: 'a' });
    await prune(cache, { bytes: Infinity, entries: 2 });
    expect(await store.get('a')).toEqual({ value: 'a' });
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('c')).toEqual({ value: 'c' });
    await prune(cache, { bytes: 0, entries: 2 });
    expect(await entries()).toEqual([]);
  });

  it('removes what a command killed while writing left behind, not what one is writing now', async () => {
    const store = new DiskCache(cache, 'lint');
    await store.put('a', { value: 'a' });
    // A command stopped between writing its entry and renaming it into place: its temporary file stays, 4 MB for Square.
    const orphan = `${store.fileOf('b')}.4242.k1.tmp`;
    const writing = `${store.fileOf('c')}.4343.k2.tmp`;
    await writeFile(orphan, Buffer.alloc(1024));
    await writeFile(writing, Buffer.alloc(1024));
    await utimes(orphan, new Date(2020, 0, 1), new Date(2020, 0, 1));
    await prune(cache, { bytes: Infinity, entries: 512 });
    expect(await entries()).toEqual([path.basename(store.fileOf('a')), path.basename(writing)].sort());
  });

  it("names railgate's code in every key: a changed source file is another build", async () => {
    const tree = await tempDir('railgate-tree-');
    try {
      mkdirSync(path.join(tree.dir, 'src', 'contract'), { recursive: true });
      writeFileSync(path.join(tree.dir, 'src', 'contract', 'a.ts'), 'export const a = 1;\n');
      const before = hashTree(tree.dir, ['src']);
      expect(hashTree(tree.dir, ['src'])).toBe(before);
      writeFileSync(path.join(tree.dir, 'src', 'contract', 'a.ts'), 'export const a = 2;\n');
      expect(hashTree(tree.dir, ['src'])).not.toBe(before);
    } finally {
      await tree.dispose();
    }
  });

  it("names the versions of the packages that load a contract and of everything they depend on: an upgraded meta-schema is another build", async () => {
    // swagger-parser's OpenAPI meta-schemas come in a package of their own: what a contract may hold is theirs to say.
    expect(installedVersions(['@apidevtools/swagger-parser'], process.cwd())).toContainEqual(expect.stringMatching(/^@apidevtools\/openapi-schemas@\d/));
    const tree = await tempDir('railgate-deps-');
    const pkg = (dir: string, version: string, dependencies: Record<string, string> = {}): void => {
      mkdirSync(path.join(tree.dir, dir), { recursive: true });
      writeFileSync(path.join(tree.dir, dir, 'package.json'), JSON.stringify({ version, dependencies }));
    };
    try {
      // railgate at tree/app; the parser it uses hoisted beside it, the parser's schemas hoisted too.
      pkg('app', '0.1.0');
      pkg('node_modules/parser', '1.0.0', { schemas: '^2.0.0' });
      pkg('node_modules/schemas', '2.0.0');
      const from = path.join(tree.dir, 'app');
      expect(installedVersions(['parser'], from)).toEqual(['parser@1.0.0', 'schemas@2.0.0']);
      pkg('node_modules/schemas', '2.1.0');
      expect(installedVersions(['parser'], from)).toEqual(['parser@1.0.0', 'schemas@2.1.0']);
      // A copy nested under the parser is the one it loads; one it names that is not installed says so.
      pkg('node_modules/parser/node_modules/schemas', '3.0.0');
      expect(installedVersions(['parser', 'gone'], from)).toEqual(['gone@absent', 'parser@1.0.0', 'schemas@3.0.0']);
    } finally {
      await tree.dispose();
    }
  });
});

describe('a contract file saved while railgate reads it', () => {
  const main = (): string => path.join(ws.dir, 'contracts', 'main.yaml');
  const schemas = (): string => path.join(ws.dir, 'contracts', 'schemas.yaml');
  /** What lint says: its lines, or the located errors it stops on (exit 2). */
  async function says(): Promise<string[]> {
    try {
      return await lint();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.problems.map((p) => `error ${formatInputProblem(p)}`);
    }
  }
  /** The same with no cache at all: what every warm one must say. */
  async function uncached(): Promise<string[]> {
    process.env.RAILGATE_CACHE = 'off';
    try {
      return await says();
    } finally {
      delete process.env.RAILGATE_CACHE;
    }
  }

  it('a referenced file saved between its read and its hashing is read again, not answered from the old read', async () => {
    afterRead.set('schemas.yaml', [() => writeFileSync(schemas(), SCHEMAS.replace('type: integer', 'type: string'))]);
    await lint();
    const warm = await lint();
    expect(warm).toEqual(await uncached());
    expect(warm.some((l) => l.includes('/amount must be string'))).toBe(true);
  });

  it('a referenced file removed, or written, between its read and its hashing is what railgate finds without a cache', async () => {
    afterRead.set('schemas.yaml', [() => unlinkSync(schemas())]);
    await says();
    const removed = await says();
    expect(removed).toEqual(await uncached());
    expect(removed.some((l) => l.startsWith('error ') && l.includes('does not exist'))).toBe(true);

    // Missing when the load looked for it, there by the time it is hashed.
    afterRead.set('schemas.yaml', [() => writeFileSync(schemas(), SCHEMAS)]);
    await says();
    expect(await says()).toEqual(await uncached());
  });

  it('a contract saved while it is loaded does not leave the old findings under its new bytes', async () => {
    // The example that broke its schema is fixed just after the load has read the file.
    afterRead.set('main.yaml', [() => writeFileSync(main(), MAIN.replace("amount: 'ten'", 'amount: 10'))]);
    await lint();
    const warm = await lint();
    expect(warm).toEqual(await uncached());
    expect(warm.some((l) => l.includes('examples-valid'))).toBe(false);
  });

  it('findings placed in a contract saved after its load are not kept for the bytes it was loaded from', async () => {
    await lint();
    // The contract comes from its entry; the profile changed, so lint's findings are placed again, in the file as
    // saved between the load and the read that places them.
    writeFileSync(path.join(ws.dir, 'partners', 'cached.yaml'), `${PROFILE}# reviewed\n`);
    beforeRead.set('main.yaml', [() => writeFileSync(main(), `# a comment on top\n\n${MAIN}`)]);
    await lint();
    // Saved back as it was when loaded: its findings are at their lines in it.
    writeFileSync(main(), MAIN);
    expect(await lint()).toEqual(await uncached());
  });
});

describe('railgate lint with the cache cold, warm and off', () => {
  it('prints the same and exits the same', async () => {
    const env = { RAILGATE_CACHE_DIR: cache };
    const cold = await runCli(['lint'], { cwd: ws.dir, env });
    expect(cold.code).toBe(0);
    expect(cold.stdout).toContain("examples-valid: createPayout request body example 'bad': /amount must be integer");
    expect(await runCli(['lint'], { cwd: ws.dir, env })).toEqual(cold);
    expect(await runCli(['lint'], { cwd: ws.dir, env: { ...env, RAILGATE_CACHE: 'off' } })).toEqual(cold);

    // A contract with no profile: its findings grouped by rule, the same from the cache.
    const alone = await runCli(['lint', '--contract', 'contracts/main.yaml'], { cwd: ws.dir, env });
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('examples-valid  1');
    expect(await runCli(['lint', '--contract', 'contracts/main.yaml'], { cwd: ws.dir, env })).toEqual(alone);

    // Bad input: the same located error, exit 2, cold and warm.
    await writeFile(path.join(ws.dir, 'contracts', 'main.yaml'), MAIN.replace("'201':", "'201':\n          description: [created"));
    const bad = await runCli(['lint'], { cwd: ws.dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^contracts\/main\.yaml:\d+:\d+ {2}/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(await runCli(['lint'], { cwd: ws.dir, env })).toEqual(bad);
  });
});
