import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, open, readFileSync, readdirSync, rmSync, write, close } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pty } from '../helpers/pty.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { hasTool, runWithTool } from '../helpers/tools.js';

// There is no microphone here, so the recorder reads a FIFO that this test feeds at speaking
// pace (PREP_RECORD_INPUT): prep still runs the real sox, reads its pipe as it streams, and
// must end it however prep ends.
const FIXTURE = fileURLToPath(new URL('../fixtures/audio/wpm200-brown50.wav', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/**
 * A FIFO fed with `wav` at real-time pace (bytes per second from its header), until `stop()`.
 * With `holdAfter`, it stops writing after that many seconds but keeps the FIFO open, as a
 * quiet microphone does: a recorder left behind would then wait forever, never hitting a
 * closed pipe.
 */
function feed(wav: Buffer, holdAfter = Infinity): { path: string; stop(): void } {
  dir = mkdtempSync(join(tmpdir(), 'prep-listen-'));
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
    stop: () => {
      stopped = true;
      if (fd !== null) close(fd, () => undefined);
    },
  };
}

/** The fixture with `seconds` more of silence at its end (it is 8-bit: silence is 0x80). */
function withSilence(wav: Buffer, seconds: number): Buffer {
  const data = wav.indexOf('data');
  const extra = Buffer.alloc(Math.round(seconds * wav.readUInt32LE(28)), 0x80);
  const out = Buffer.concat([wav, extra]);
  out.writeUInt32LE(out.length - 8, 4);
  out.writeUInt32LE(wav.readUInt32LE(data + 4) + extra.length, data + 4);
  return out;
}

/** Pids of the running children of `pid`. */
function children(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout.split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function recorderOf(pty: Pty): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const pid = pty.pid();
    const kids = pid ? children(pid) : [];
    if (kids.length > 0) return kids[0]!;
    await sleep(50);
  }
  throw new Error('prep started no recorder');
}

describe.skipIf(!runWithTool('sox', ['--version']))('prep pitch --listen, with the real sox reading a paced stream', () => {
  const t = usePrepTerminal();

  it('voice starts the clock, a silence stops it at the last voice, and enter saves what was heard', async () => {
    expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
    // Its pauses last 1 and 1.5 s; the 2.5 s of silence after it is what ends the attempt.
    const mic = feed(withSilence(readFileSync(FIXTURE), 2.5));
    const keep = join(dir, 'kept');
    const env = { ...t.env, NO_COLOR: '1', PREP_RECORD_INPUT: mic.path };
    const pty = t.start(['pitch', 'coder', '--listen', '--stop-after', '1.8', '--keep-audio', keep], { env, rows: 40 });
    await pty.waitFor('Listening (sox): start speaking');
    await pty.waitFor('Hearing you (sox)');
    const screen = await pty.waitFor(/Pauses {9}/, 20_000);
    const shown = Number(/(\d+\.\d) s · -\d+\.\d s against 30 s · short/.exec(screen)![1]);
    const truth = (JSON.parse(readFileSync(new URL('../fixtures/audio/manifest.json', import.meta.url), 'utf8')) as { fixtures: { file: string; truth: { speakingSeconds: number } }[] }).fixtures.find((f) => f.file === 'wpm200-brown50.wav')!.truth.speakingSeconds;
    expect(Math.abs(shown - truth)).toBeLessThanOrEqual(0.3);
    expect(screen).toMatch(/Pauses {9}2 of 0\.5 s or more/);
    pty.write('\r');
    await pty.waitFor('Saved to your history');
    pty.write('q');
    expect((await pty.exited).code).toBe(0);
    mic.stop();
    const [rec] = t.log('coder');
    expect(Math.abs(rec!.ms / 1000 - truth)).toBeLessThanOrEqual(0.3);
    expect(readdirSync(keep)).toHaveLength(1);
  }, 40_000);

  it('after kill -9 of prep (no exit hook runs), the recorder ends at its next write into the closed pipe', async () => {
    const mic = feed(readFileSync(FIXTURE));
    const pty = t.start(['pitch', 'coder', '--listen'], { env: { ...t.env, PREP_RECORD_INPUT: mic.path } });
    await pty.waitFor('Listening (sox)');
    const sox = await recorderOf(pty);
    pty.kill('SIGKILL');
    await pty.exited;
    for (let i = 0; i < 60 && alive(sox); i++) await sleep(50);
    expect(alive(sox)).toBe(false);
    mic.stop();
  }, 30_000);

  for (const how of ['q', 'SIGTERM'] as const) {
    it(`ends the recorder when prep ends by ${how}, and keeps no audio`, async () => {
      const mic = feed(readFileSync(FIXTURE), 0.5);
      const env = { ...t.env, PREP_RECORD_INPUT: mic.path };
      const pty = t.start(['pitch', 'coder', '--listen'], { env });
      await pty.waitFor('Listening (sox)');
      const sox = await recorderOf(pty);
      expect(alive(sox)).toBe(true);
      await sleep(1000);
      if (how === 'q') pty.write('q');
      else pty.kill('SIGTERM');
      const ended = await Promise.race([pty.exited, sleep(5000).then(() => null)]);
      expect(ended, 'prep did not exit within 5 s').not.toBeNull();
      const { code } = ended!;
      expect(code).toBe(how === 'q' ? 0 : 143);
      for (let i = 0; i < 40 && alive(sox); i++) await sleep(50);
      expect(alive(sox)).toBe(false);
      mic.stop();
      expect(readdirSync(t.home, { recursive: true }).filter((f) => String(f).endsWith('.wav'))).toEqual([]);
    }, 30_000);
  }
});
