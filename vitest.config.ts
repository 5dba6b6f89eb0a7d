import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The project's own tests: unit tests beside the code, integration tests under test/.
// The generated partner suites (src/suite/*.suite.ts) are run by `railgate run`, not here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: a CLI run is seconds on an idle machine, several times that on a loaded one. Outcomes do
    // not depend on speed (virtual time), so only a hang ever reaches these limits.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most integration tests wait on a railgate child process: one more worker than cores keeps both busy
    // (vitest's default, cores − 1, runs one file at a time on a 2-core runner).
    maxWorkers: availableParallelism() + 1,
    // Each test file's worker transforms much the same src/ tree: kept on disk, keyed by content.
    experimental: { fsModuleCache: true },
  },
});
