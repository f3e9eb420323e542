import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/setup/no-unhandled.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
