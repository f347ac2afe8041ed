import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Web code imports the server's schemas as the web build does (see web/vite.config.ts).
    alias: { '@server': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['src/db/testing/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The second names any file whose process died before it finished (Vitest alone does not).
    reporters: ['default', './src/db/testing/unfinished-reporter.ts'],
  },
});
