import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every entry under `root` with its kind, size, mode, modification time in nanoseconds and, for a
 * file, a hash of its bytes, one line each, sorted: two equal results mean nothing was created,
 * removed, changed or touched.
 */
export function treeState(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const st = fs.lstatSync(file, { bigint: true });
      const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
      const hash = st.isFile() ? ` ${createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16)}` : '';
      out.push(`${path.relative(root, file)} ${kind} ${st.size} ${st.mode.toString(8)} ${st.mtimeNs}${hash}`);
      if (st.isDirectory()) walk(file);
    }
  };
  walk(root);
  return out;
}
