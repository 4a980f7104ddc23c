import { defineConfig } from 'vitest/config';

// What bin/run --observe adds, checked on the running system: traces in Zipkin (docs/adr/0022).
export default defineConfig({
  test: {
    include: ['observe/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
