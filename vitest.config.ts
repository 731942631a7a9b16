import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and child-process tests are heavy; keep parallelism modest.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
