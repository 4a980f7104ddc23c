import { defineConfig } from 'vitest/config';

// The fault test's workload (infra/local/fault-test.sh runs it against bin/run --scaled): one long
// test that buys through the single origin while the script breaks the system's parts.
export default defineConfig({
  test: {
    include: ['faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    hookTimeout: 60_000,
  },
});
