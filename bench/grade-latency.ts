// Grade -> durable latency: the time from a grade key's intent to the record being fsync'd and
// the next card chosen, with a 10,000-card deck and a 50,000-review history, in the drill's
// `due` mode (the schedule picks each next card) or `all` (prep drill --all, a fixed order). Bundled by
// `scripts/build.mjs --bench`; run by bench/perf.mjs with PREP_HOME pointing at generated data.
import { resolvePaths } from '../src/core/store/paths.js';
import { openDeckFile } from '../src/core/deck/open-deck-file.js';
import { initDrill } from '../src/core/session/drill-state.js';
import { DrillSession } from '../src/core/session/drill-session.js';
import { loadProgress } from '../src/commands/load-progress.js';
import { join } from 'node:path';

const name = process.argv[2] ?? 'n10000';
const grades = Number(process.argv[3] ?? 200);
const mode = process.argv[4] === 'due' ? 'due' : 'all';
const paths = resolvePaths();
const deck = await openDeckFile(join(paths.decksDir, `${name}.yaml`), { salt: 'bench' });
const { log, progress } = loadProgress(paths, deck, 0.9);
const session = new DrillSession(initDrill({ deck, retention: 0.9, newPerDay: grades * 2 }, progress, Date.now(), mode), log);
const samples: number[] = [];
for (let i = 0; i < grades; i++) {
  // A session that ran out of cards would time grades that do nothing.
  if (!session.getState().current) throw new Error(`the ${mode} session ended after ${i} grades`);
  session.send({ type: 'reveal' });
  const t = process.hrtime.bigint();
  session.send({ type: 'grade', grade: ((i % 4) + 1) as 1 | 2 | 3 | 4 });
  samples.push(Number(process.hrtime.bigint() - t) / 1e6);
}
log.close();
process.stdout.write(JSON.stringify(samples));
