import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and child-process tests are heavy; keep parallelism modest.
    maxWorkers: 2,
    // Flow tests script applications without the separate sensitive-information consent; the tests
    // of that consent (and the transcripts that cover it) turn it on explicitly.
    env: { LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off' },
  },
});
