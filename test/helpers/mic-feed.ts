import { execFileSync, spawnSync } from 'node:child_process';
import { close, mkdtempSync, open, rmSync, write } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Pty } from './pty.js';

// There is no microphone here, so the recorder reads a FIFO that the test feeds at speaking
// pace (PREP_RECORD_INPUT): prep still runs the real sox, reads its pipe as it streams, and
// must end it however prep ends.

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A FIFO being fed: its path, the temp folder it sits in, and the way to stop feeding. */
export interface MicFeed {
  path: string;
  dir: string;
  stop(): void;
}

/**
 * For each test: `feed(wav)` makes a FIFO fed with `wav` at real-time pace (bytes per second
 * from its header), until `stop()`; its folder is removed after the test. With `holdAfter`, it
 * stops writing after that many seconds but keeps the FIFO open, as a quiet microphone does: a
 * recorder left behind would then wait forever, never hitting a closed pipe.
 */
export function useMicFeed(): (wav: Buffer, holdAfter?: number) => MicFeed {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (wav, holdAfter = Infinity) => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-listen-'));
    dirs.push(dir);
    const path = join(dir, 'mic.wav');
    execFileSync('mkfifo', [path]);
    const perSecond = wav.readUInt32LE(28);
    let stopped = false;
    let fd: number | null = null;
    // Opening a FIFO for writing waits for its reader (sox): asynchronously, off the main thread.
    open(path, 'w', (err, opened) => {
      if (err || stopped) return;
      fd = opened;
      let at = 0;
      const step = () => {
        if (stopped || fd === null) return;
        const n = at === 0 ? 44 + perSecond / 10 : perSecond / 10;
        const piece = wav.subarray(at, at + n);
        at += n;
        if (piece.length === 0 || at > holdAfter * perSecond) return;
        write(fd, piece, (e) => (e ? undefined : setTimeout(step, 100)));
      };
      step();
    });
    return {
      path,
      dir,
      stop: () => {
        stopped = true;
        if (fd !== null) close(fd, () => undefined);
      },
    };
  };
}

/** An 8-bit WAV with `seconds` more of silence at its end (8-bit silence is 0x80). */
export function withSilence(wav: Buffer, seconds: number): Buffer {
  const data = wav.indexOf('data');
  const extra = Buffer.alloc(Math.round(seconds * wav.readUInt32LE(28)), 0x80);
  const out = Buffer.concat([wav, extra]);
  out.writeUInt32LE(out.length - 8, 4);
  out.writeUInt32LE(wav.readUInt32LE(data + 4) + extra.length, data + 4);
  return out;
}

/** Pids of the running children of `pid`. */
export function children(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout.split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
}

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The recorder prep started (its first child), waited for up to 5 s. */
export async function recorderOf(pty: Pty): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const pid = pty.pid();
    const kids = pid ? children(pid) : [];
    if (kids.length > 0) return kids[0]!;
    await sleep(50);
  }
  throw new Error('prep started no recorder');
}

/** Waits up to `ms` for `pid` to end; true when it has. */
export async function ended(pid: number, ms = 2000): Promise<boolean> {
  for (let i = 0; i < ms / 50 && alive(pid); i++) await sleep(50);
  return !alive(pid);
}
