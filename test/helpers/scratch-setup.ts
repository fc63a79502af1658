// One folder for the whole test run, removed when the run ends: for files a test file builds
// once and later files in the same worker process may reuse (see unprivileged.ts). A file's
// own afterAll cannot clean these up when files share a process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    scratchDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prep-scratch-'));
  // Readable by the unprivileged children the permission tests start.
  fs.chmodSync(dir, 0o755);
  project.provide('scratchDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
