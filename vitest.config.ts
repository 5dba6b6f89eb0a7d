import { defineConfig } from 'vitest/config';

// The project's own tests: unit tests beside the code, integration tests under test/.
// The generated partner suites (src/suite/*.suite.ts) are run by `railgate run`, not here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
