// `npm run build` (and `npm ci`, through `prepare`): the CLI as compiled JavaScript in dist/, what bin/railgate.mjs
// runs. One esbuild bundle of src/cli/main.ts, split at each lazily imported command so that a command still loads
// only what it uses; packages stay imports of node_modules. dist/manifest.json lists every source file the bundle
// was made from with its size and mtime: the bin compares them at start and runs the TypeScript through tsx when
// one changed (docs/decisions/compiled-cli.md).
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { SCHEMAS_DIR, shippedAjv, shippedSchemasHash } from '../src/source/input-schema.ts';
import { hashTree } from '../src/contract/disk-cache.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface BuildManifest {
  /** Source files (relative to the package root) with the size and mtime they had when the bundle was made. */
  inputs: Record<string, { size: number; mtimeMs: number }>;
}

/**
 * Each bundled module keeps the URL of its own source file as `import.meta.url`, so the files it names beside it
 * (vocabulary/, schemas/, allurerc.json, the generated suite) resolve as they do under tsx, wherever the chunk lands.
 * Every output file sits directly in `outdir`, so one relative path from there reaches the source.
 */
function sourceUrls(outdir: string): Plugin {
  return {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
        const rel = path.relative(outdir, args.path).split(path.sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

async function statOf(file: string): Promise<{ size: number; mtimeMs: number }> {
  const s = await stat(file);
  return { size: s.size, mtimeMs: s.mtimeMs };
}

async function statSources(dir: string): Promise<Map<string, { size: number; mtimeMs: number }>> {
  const out = new Map<string, { size: number; mtimeMs: number }>();
  for (const f of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, f);
    if (file.endsWith('.ts')) out.set(path.relative(REPO, file).split(path.sep).join('/'), await statOf(file));
  }
  return out;
}

/**
 * The shipped schemas' validators as code (ajv standalone, CommonJS so that the synchronous loader can require it),
 * with the hash of what they were made from: src/source/input-schema.ts uses them only for the same schemas.
 */
function inputValidatorsCode(): string {
  // CommonJS with `exports.default`: under NodeNext the callable sits on `.default` (as ajv-formats.ts says).
  type Standalone = (ajv: ReturnType<typeof shippedAjv>, refs: Record<string, string>) => string;
  const standaloneCode = (standaloneModule as unknown as { default?: Standalone }).default ?? (standaloneModule as unknown as Standalone);
  const ajv = shippedAjv({ source: true });
  const files: Record<string, string> = {};
  const refs: Record<string, string> = {};
  for (const [i, file] of readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort().entries()) {
    const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as { $id?: string };
    files[file] = `v${i}`;
    refs[`v${i}`] = schema.$id ?? file;
  }
  return `${standaloneCode(ajv, refs)}\nmodule.exports.hash = ${JSON.stringify(shippedSchemasHash())};\nmodule.exports.files = ${JSON.stringify(files)};\n`;
}

/** Builds the CLI into `outdir` (default dist/) and returns how many source files went into it. */
export async function buildCli(outdir = path.join(REPO, 'dist')): Promise<number> {
  // Taken before esbuild reads a file: one saved while the build runs differs from what the manifest says, hence stale.
  const before = await statSources(path.join(REPO, 'src'));
  // What the on-disk cache (src/contract/disk-cache.ts) knows this build by: the bytes of src/ as the bundle read them.
  const sourceHash = hashTree(REPO, ['src']);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: { main: 'src/cli/main.ts', suites: 'src/suite/generated-suites.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrls(outdir)],
    define: { RAILGATE_SOURCE_HASH: JSON.stringify(sourceHash) },
  });
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const inputs: BuildManifest['inputs'] = {};
  for (const f of files.sort()) inputs[f] = before.get(f) ?? (await statOf(path.join(REPO, f)));
  await writeFile(path.join(outdir, 'input-validators.cjs'), inputValidatorsCode());
  const manifest: BuildManifest = { inputs };
  await writeFile(path.join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return files.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const n = await buildCli();
  console.log(`railgate: built dist/ from ${n} source files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
