import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Local-time rules (the 04:00 day rollover, 09:00 interview default) are tested in a fixed zone.
    // CI=false: Ink (is-in-ci) stops redrawing on resize and input when it believes it runs in CI;
    // screen tests must see the app as a person's terminal does, on CI too.
    env: { TZ: 'America/New_York', CI: 'false' },
    globalSetup: ['test/helpers/lexicon-setup.ts', 'test/helpers/scratch-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        // The unit and screen tests share worker processes instead of starting a fresh one (and
        // loading Ink, React and the core again) for each file, which took more of their time
        // than the tests themselves. Each file puts back what it changes (environment, zone,
        // spies, timers, colour level).
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          isolate: false,
        },
      },
      {
        // The real-terminal tests, each file in a fresh process: they start the built prep (and
        // git, sox) and spend much of their time waiting for its frames or for a clock to tick, so
        // three files at a time keep two cores busy where one at a time (vitest's default here,
        // cores - 1) left one idle. After the unit project (groupOrder), not beside it.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
