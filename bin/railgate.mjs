#!/usr/bin/env node
// Entry point for `railgate`: the compiled CLI in dist/ (built by `npm ci` through `prepare`, or `npm run build`).
// When a source file it was built from has changed since (or it was never built), the TypeScript runs through tsx
// instead, with a one-line note: old code never runs silently (docs/decisions/compiled-cli.md).
import { fileURLToPath } from 'node:url';
import { staleness } from './build-state.mjs';

const root = new URL('../', import.meta.url);
if (process.env.RAILGATE_DEBUG) process.setSourceMapsEnabled(true);
const stale = staleness(root);
let main;
if (stale === undefined) {
  // `railgate run`'s vitest worker imports the suites of this same build, natively (src/suite/partners.suite.ts).
  process.env.RAILGATE_SUITES = fileURLToPath(new URL('dist/suites.js', root));
  ({ main } = await import('../dist/main.js'));
} else {
  delete process.env.RAILGATE_SUITES;
  process.stderr.write(`railgate: dist/ is out of date (${stale}): running the TypeScript through tsx; npm run build makes it current\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exit(await main(process.argv.slice(2)));
