import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRecorder, startRecorder } from '../../../src/core/audio/recorder.js';

// How prep ends a recorder. The stand-ins are shell scripts that behave as a recorder might: one
// that stops on SIGTERM, one that ignores it (sox waiting on a silent input does).
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function script(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'prep-recorder-stop-'));
  dirs.push(dir);
  const path = join(dir, 'rec');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Starts the recorder, stops it at its first output, and resolves with what onEnd said and the bytes seen. */
function stopAtFirstData(path: string): Promise<{ why: string | null; after: number; signal: string | null }> {
  return new Promise((resolve) => {
    let stopped = false;
    let after = 0;
    const r = startRecorder(
      { name: 'rec', path, args: [] },
      () => {
        if (stopped) after++;
        else {
          stopped = true;
          r.stop();
        }
      },
      (why) => resolve({ why, after, signal: r.child.signalCode }),
    );
  });
}

describe('stopping the recorder', () => {
  it('one that ends on SIGTERM: no error is reported, and nothing is handed on after the stop', async () => {
    const { why, after, signal } = await stopAtFirstData(script('while :; do printf xxxx; sleep 0.02; done'));
    expect(why).toBeNull();
    expect(signal).toBe('SIGTERM');
    expect(after).toBe(0);
  });

  it('one that ignores SIGTERM is killed a moment later, still with no error', async () => {
    const { why, signal } = await stopAtFirstData(script("trap '' TERM\nwhile :; do printf xxxx; sleep 0.02; done"));
    expect(why).toBeNull();
    expect(signal).toBe('SIGKILL');
  });

  it('stopping one that has already ended does nothing, and says nothing', async () => {
    const path = script('printf xxxx\nexit 0');
    const why = await new Promise<string | null>((resolve) => {
      const r = startRecorder({ name: 'rec', path, args: [] }, () => undefined, (w) => {
        r.stop();
        r.stop();
        resolve(w);
      });
    });
    expect(why).toBeNull();
  });

  it('a failing recorder\'s message is its last line with words, blank lines and spaces aside', async () => {
    const path = script('echo "rec: no default audio device" >&2\nprintf "   \\n\\n" >&2\nexit 1');
    const why = await new Promise<string | null>((resolve) => startRecorder({ name: 'rec', path, args: [] }, () => undefined, resolve));
    expect(why).toBe('rec stopped (rec: no default audio device)');
  });
});

describe('the arguments each recorder is run with', () => {
  /** A PATH holding only a stand-in of this name (found, never run). */
  const only = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-recorder-args-'));
    dirs.push(dir);
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
    return { PATH: dir };
  };

  // The contract with each program: raw signed 16-bit little-endian mono at 16 kHz on stdout.
  it('sox on the default microphone, arecord, and ffmpeg on Linux and macOS, exactly', () => {
    expect(findRecorder(only('sox'))!.args).toEqual(['-q', '-d', '-t', 'raw', '-r', '16000', '-e', 'signed-integer', '-b', '16', '-c', '1', '-']);
    expect(findRecorder(only('arecord'))!.args).toEqual(['-q', '-t', 'raw', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-']);
    expect(findRecorder(only('ffmpeg'), 'linux')!.args).toEqual(['-nostdin', '-v', 'error', '-f', 'pulse', '-i', 'default', '-ac', '1', '-ar', '16000', '-f', 's16le', '-']);
    expect(findRecorder(only('ffmpeg'), 'darwin')!.args).toEqual(['-nostdin', '-v', 'error', '-f', 'avfoundation', '-i', ':0', '-ac', '1', '-ar', '16000', '-f', 's16le', '-']);
  });
});
