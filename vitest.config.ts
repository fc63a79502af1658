import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Local-time rules (the 04:00 day rollover, 09:00 interview default) are tested in a fixed zone.
    // CI=false: Ink (is-in-ci) stops redrawing on resize and input when it believes it runs in CI;
    // screen tests must see the app as a person's terminal does, on CI too.
    env: { TZ: 'America/New_York', CI: 'false' },
    globalSetup: ['test/helpers/lexicon-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
