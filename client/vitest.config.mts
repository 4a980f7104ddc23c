import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of the client's own logic and components, beside the code (`*.test.ts(x)`), in a
// simulated browser (jsdom). The system and browser suites have their own configs.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
  },
});
