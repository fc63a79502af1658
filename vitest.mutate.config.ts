import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The suite Stryker runs: everything except the real-terminal tests (test/e2e), which start
// the built bundle and so never see a mutant in src/.
export default mergeConfig(
  base,
  defineConfig({ test: { exclude: ['test/e2e/**', 'node_modules/**'] } }),
);
