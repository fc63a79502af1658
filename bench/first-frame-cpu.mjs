// Preloaded (`node --import`) by `npm run bench -- startup`: when the program's output first
// shows FIRST_FRAME_MARKER, writes the CPU time it has used so far (user + system, all its
// threads, in ms) to FIRST_FRAME_CPU_FILE. Unlike the time to the first frame, CPU time barely
// moves when other jobs keep the machine busy, so it shows a change of a few percent that the
// wall-clock figures bury in their spread.
import { writeFileSync } from 'node:fs';

const marker = process.env.FIRST_FRAME_MARKER;
const file = process.env.FIRST_FRAME_CPU_FILE;
const write = process.stdout.write;
let seen = false;
process.stdout.write = function (chunk, ...rest) {
  if (!seen && marker && file && String(chunk).includes(marker)) {
    seen = true;
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String((user + system) / 1000));
  }
  return write.call(this, chunk, ...rest);
};
