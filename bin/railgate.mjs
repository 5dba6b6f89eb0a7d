#!/usr/bin/env node
// Entry point for `railgate`: the TypeScript CLI, loaded through tsx's loader in this one process.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
