// Is dist/ the build of the sources as they are now? Read by bin/railgate.mjs at every start (one stat per source
// file, about a millisecond) and by its test. dist/manifest.json is written by scripts/build.ts.
import { readFileSync, statSync } from 'node:fs';

/** Why the build in `<root>/dist` cannot be trusted, or undefined when every file it was made from is as it was. */
export function staleness(root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8'));
  } catch {
    return 'not built';
  }
  for (const [file, was] of Object.entries(manifest.inputs)) {
    let now;
    try {
      now = statSync(new URL(file, root));
    } catch {
      return `${file} is gone`;
    }
    // Any difference, not only a newer time: a checkout of an older commit makes a file older.
    if (now.size !== was.size || now.mtimeMs !== was.mtimeMs) return `${file} changed`;
  }
  return undefined;
}
