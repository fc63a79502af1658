import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The first of `names` found as an executable file on PATH, with its full path, or undefined.
 * Looked up by hand rather than by running `which`, which not every system has.
 */
export function findOnPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): { name: string; path: string } | undefined {
  // Stryker disable next-line StringLiteral: with no PATH, any other text is a folder that does not exist either
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  // Stryker disable next-line ConditionalExpression,StringLiteral,LogicalOperator: the Windows branch; elsewhere both give [''] (not testable off Windows)
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const name of names) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const path = join(dir, name + ext);
        try {
          accessSync(path, constants.X_OK);
          if (statSync(path).isFile()) return { name, path };
        } catch {
          // not here
        }
      }
    }
  }
  return undefined;
}
