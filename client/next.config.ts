import type { NextConfig } from 'next';

const config: NextConfig = {
  // A self-contained server (node server.js) for the container image; `next start` still works.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // The services own their error pages; the proxy must pass their paths through untouched.
  skipTrailingSlashRedirect: true,
  // The build type-checks the app only; `npm run check` type-checks the tests as well.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
};

export default config;
