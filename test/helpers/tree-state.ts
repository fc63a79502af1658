import fs from 'node:fs';
import path from 'node:path';

/**
 * Every entry under `root` with its kind, size, mode and modification time in nanoseconds, one
 * line each, sorted: two equal results mean nothing was created, removed, changed or touched.
 */
export function treeState(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const st = fs.lstatSync(file, { bigint: true });
      const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
      out.push(`${path.relative(root, file)} ${kind} ${st.size} ${st.mode.toString(8)} ${st.mtimeNs}`);
      if (st.isDirectory()) walk(file);
    }
  };
  walk(root);
  return out;
}
