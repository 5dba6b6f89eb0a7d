import { createRequire } from 'node:module';
import type * as Undici from 'undici';

let loaded: typeof Undici | undefined;

/**
 * undici, loaded when a request or a webhook is first sent, not when a module naming it is imported: a command that
 * sends nothing at start (`simulate` until its first webhook, `lint`) does not pay its 80 ms import. undici is CommonJS
 * only, so this is the very module `import … from 'undici'` gives.
 */
export function undici(): typeof Undici {
  loaded ??= createRequire(import.meta.url)('undici') as typeof Undici;
  return loaded;
}
