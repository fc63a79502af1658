import fs from 'node:fs';
import path from 'node:path';
import { normalizeLog } from '../core/sync/log-merge.js';
import { newLines, recordIds } from '../core/sync/log-moves.js';
import { readText, readTextOrEmpty } from '../core/store/safe-read.js';
import { logsAt, showAt, type Repo } from './sync-repo.js';
import { writeWhole } from './sync-write.js';

// prep only ever adds records to a log. A log that lacks records it held at the last sync was
// cut, emptied or deleted by something else (an editor, a `>` redirect, a restore from an old
// backup). Committed as it is, git would carry that loss to the other machine as a change of
// this side alone, and no union merge would bring the records back there either. So before a
// sync commits, such records are put back from the last commit, in time order, with one line.
// A deck renamed or removed takes its deck file with it; a log gone while its deck file is still
// there was lost, not moved, and so was a shipped deck's (prep never renames or removes one).
// A record another log of the work tree holds was moved there by a rename (names swapped, say,
// so the old log is still there with another deck's records): it is not lost.

const reviews = (n: number) => `${n} record${n === 1 ? '' : 's'}`;

function deckFileIn(dirs: string[], deck: string): boolean {
  return dirs.some((dir) => ['.yaml', '.yml'].some((ext) => fs.existsSync(path.join(dir, `${deck}${ext}`))));
}

/**
 * Puts back records the last commit has and the work tree's logs lost; returns what it said.
 * `shippedDir` is the folder of the decks that come with prep.
 */
export async function restoreLostRecords(repo: Repo, shippedDir: string): Promise<string[]> {
  const said: string[] = [];
  const head = await repo.git.try(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return said;
  const logsDir = path.join(repo.dir, 'logs');
  const files = fs.existsSync(logsDir) ? fs.readdirSync(logsDir).filter((f) => f.endsWith('.jsonl')) : [];
  // Every record id a log of the work tree holds, but `file`'s own (read again below).
  const elsewhere = (file: string) => new Set(files.filter((f) => `logs/${f}` !== file).flatMap((f) => [...recordIds(readTextOrEmpty(path.join(logsDir, f)))]));
  for (const file of await logsAt(repo, 'HEAD')) {
    const deck = path.basename(file, '.jsonl');
    const abs = path.join(repo.dir, file);
    if (!fs.existsSync(abs) && !deckFileIn([path.join(repo.dir, 'decks'), shippedDir], deck)) continue;
    const atHead = (await showAt(repo, 'HEAD', file)) ?? '';
    // Through the store's safe read: a FIFO put at a log's path is refused, never waited on.
    const read = () => readText(abs) ?? '';
    let now = read();
    const gone = (text: string) => {
      const held = recordIds(text);
      return newLines(atHead, held).length === 0 ? [] : newLines(atHead, new Set([...held, ...elsewhere(file)]));
    };
    let lost = gone(now);
    if (lost.length === 0) continue;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    // A drill may be saving a grade into this log right now: the text is read again just before
    // it is replaced, so the rewrite keeps a record appended meanwhile.
    for (let again = read(); again !== now; again = read()) [now, lost] = [again, gone(again)];
    if (lost.length === 0) continue;
    writeWhole(abs, normalizeLog(`${lost.join('\n')}\n${now}`));
    said.push(`${abs}: ${reviews(lost.length)} saved at the last sync had gone from this log (cut, emptied or deleted by hand?); put back, so the other machine keeps them too`);
  }
  return said;
}
