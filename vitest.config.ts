import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Local-time rules (the 04:00 day rollover, 09:00 interview default) are tested in a fixed zone.
    env: { TZ: 'America/New_York' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
