/**
 * The file `railgate run` points vitest at: the generated partner suites (generated-suites.ts). Compiled railgate
 * (bin/railgate.mjs running dist/) names its own build of them in RAILGATE_SUITES, and vitest's worker imports
 * that natively, as the main process runs it, instead of transforming the TypeScript module by module
 * (docs/decisions/compiled-cli.md).
 */
import { pathToFileURL } from 'node:url';
import { COMPILED_SUITES_VAR } from './run-config.ts';

const compiled = process.env[COMPILED_SUITES_VAR];
if (compiled) await import(/* @vite-ignore */ pathToFileURL(compiled).href);
else await import('./generated-suites.ts');
