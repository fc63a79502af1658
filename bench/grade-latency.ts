// Grade -> durable latency: the time from a grade key's intent to the record being fsync'd and
// the next card chosen, with a 10,000-card deck and a 50,000-review history. Bundled by
// `scripts/build.mjs --bench`; run by bench/perf.mjs with PREP_HOME pointing at generated data.
import { resolvePaths } from '../src/core/store/paths.js';
import { openDeckFile } from '../src/core/deck/open-deck-file.js';
import { initDrill } from '../src/core/session/drill-state.js';
import { DrillSession } from '../src/core/session/drill-session.js';
import { loadProgress } from '../src/commands/load-progress.js';
import { join } from 'node:path';

const name = process.argv[2] ?? 'n10000';
const grades = Number(process.argv[3] ?? 200);
const paths = resolvePaths();
const deck = await openDeckFile(join(paths.decksDir, `${name}.yaml`), { salt: 'bench' });
const { log, progress } = loadProgress(paths, deck, 0.9);
const session = new DrillSession(initDrill({ deck, retention: 0.9, newPerDay: grades * 2 }, progress, Date.now(), 'all'), log);
const samples: number[] = [];
for (let i = 0; i < grades; i++) {
  session.send({ type: 'reveal' });
  const t = process.hrtime.bigint();
  session.send({ type: 'grade', grade: ((i % 4) + 1) as 1 | 2 | 3 | 4 });
  samples.push(Number(process.hrtime.bigint() - t) / 1e6);
}
log.close();
process.stdout.write(JSON.stringify(samples));
