import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Stryker runs the tests in a copy of the project it makes with mkdtemp (.stryker-tmp/sandbox-*),
// which only its owner may enter. Run as root, the permission tests start the built prep in that
// copy as an unprivileged user, who must be able to reach it; the copy holds nothing private.
const root = path.dirname(fileURLToPath(import.meta.url));
if (path.basename(root).startsWith('sandbox-')) fs.chmodSync(root, 0o755);

// The suite Stryker runs: everything except the real-terminal tests (test/e2e), which start
// the built bundle and so never see a mutant in src/. One flat project, each test file in a
// fresh process as Stryker expects, not the shared-process projects of `npm test`.
const { projects: _projects, ...shared } = base.test ?? {};
export default defineConfig({
  test: { ...shared, include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/e2e/**', 'node_modules/**'] },
});
