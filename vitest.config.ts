import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A fixed zone for in-process tests; the determinism test runs the CLI under other zones on purpose.
    env: { TZ: 'UTC' },
  },
});
