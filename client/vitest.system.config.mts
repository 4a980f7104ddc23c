import { defineConfig } from 'vitest/config';

// The black-box suite: the running system (bin/run), driven over HTTP through the client's single
// origin. One file at a time, so timings such as a hold window belong to one test.
export default defineConfig({
  test: {
    include: ['system/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
