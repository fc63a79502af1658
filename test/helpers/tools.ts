import { execFileSync } from 'node:child_process';

/** True when `cmd` runs (found on PATH and answering `--version` or `-h`). */
export function hasTool(cmd: string, probe: string[] = ['--version']): boolean {
  try {
    execFileSync(cmd, probe, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch (err) {
    // A tool that exists but exits non-zero on the probe is still there.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as { status?: number }).status !== undefined;
  }
}

/**
 * Whether tests that need `cmd` should run: yes when it is there, and also when it is missing
 * but PREP_REQUIRE_TOOLS=1 (CI), so that they fail there rather than skip.
 */
export function runWithTool(cmd: string, probe?: string[]): boolean {
  return hasTool(cmd, probe) || process.env.PREP_REQUIRE_TOOLS === '1';
}
