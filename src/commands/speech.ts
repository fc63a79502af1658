import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Speaker } from '../core/session/mock-session.js';

/** The speech commands looked for, in order: macOS's, then Linux's. */
export const SPEECH_COMMANDS = ['say', 'espeak-ng', 'espeak', 'spd-say'] as const;

/** The first of `names` that is an executable file on PATH, as a full path. */
export function findOnPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const file = join(dir, name);
      try {
        if (!statSync(file).isFile()) continue;
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // Not here.
      }
    }
  }
  return null;
}

/** The arguments for one reading: the text is one argument, never through a shell. */
function argsFor(name: string, text: string): string[] {
  // A question starting with "-" must not be read as an option; a leading space is still spoken as nothing.
  const safe = text.startsWith('-') ? ` ${text}` : text;
  // spd-say hands the text to a daemon and returns at once unless told to wait.
  return name === 'spd-say' ? ['-w', safe] : [safe];
}

/**
 * The interviewer's voice: reads each question through the speech command at `path`. A
 * reading that fails (no audio device, a crash) resolves with one line to show, and the
 * rehearsal goes on; the command's own output never reaches the screen.
 */
export function speechCommand(path: string): Speaker {
  const name = path.split(/[\\/]/).pop()!;
  let current: ChildProcess | null = null;
  return {
    say(text) {
      return new Promise((resolve) => {
        let err = '';
        const child = spawn(path, argsFor(name, text), { stdio: ['ignore', 'ignore', 'pipe'] });
        current = child;
        child.stderr!.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-2000)));
        child.on('error', (e) => resolve(`${name} could not start (${e.message}): reading silently.`));
        child.on('close', (code, signal) => {
          if (current === child) current = null;
          const last = err.trim().split('\n').pop()?.trim();
          if (signal === 'SIGTERM') resolve(null);
          else if (code !== 0) resolve(`${name} failed (exit ${code ?? signal}${last ? `: ${last}` : ''}): reading silently.`);
          // espeak-ng without a sound device says so on stderr and still exits 0.
          else resolve(last ? `${name}: ${last}` : null);
        });
      });
    },
    stop() {
      current?.kill('SIGTERM');
      current = null;
    },
  };
}
