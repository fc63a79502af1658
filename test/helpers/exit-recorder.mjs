// Runs `node <args>` on this terminal and, when it ends, writes how it ended (code, signal and
// everything it printed to stderr) as JSON to the first argument. It ignores SIGHUP itself, so
// it outlives the terminal it sits in and can tell what a hang-up did to the program.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

process.on('SIGHUP', () => {});
const [out, ...args] = process.argv.slice(2);
const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => (stderr += d));
child.on('exit', (code, signal) => writeFileSync(out, JSON.stringify({ code, signal, stderr })));
