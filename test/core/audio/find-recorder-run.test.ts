import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findOnPath } from '../../../src/core/audio/find-tool.js';
import { findRecorder, startRecorder } from '../../../src/core/audio/recorder.js';
import { readWav } from '../../../src/core/audio/wav.js';
import { useTempDirs } from '../../helpers/temp-home.js';
import { hasTool, runWithTool } from '../../helpers/tools.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/audio/wpm160-room30.wav', import.meta.url));
const tempDir = useTempDirs('prep-find-tool-');
function program(dir: string, name: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), mode);
  return join(dir, name);
}

describe('finding a program on PATH', () => {
  it('takes the first PATH folder that holds it, skipping a file that cannot run and a folder of that name', () => {
    const root = tempDir();
    const [a, b, c] = ['a', 'b', 'c'].map((d) => join(root, d)) as [string, string, string];
    program(a, 'sox', 0o644);
    mkdirSync(join(b, 'sox'), { recursive: true });
    const real = program(c, 'sox');
    program(join(root, 'd'), 'sox');
    const PATH = ['', a, b, c, join(root, 'd')].join(delimiter);
    expect(findOnPath(['sox'], { PATH })).toEqual({ name: 'sox', path: real });
  });

  it('asks for the names in their order: an earlier name anywhere on PATH wins', () => {
    const root = tempDir();
    program(join(root, 'first'), 'arecord');
    const rec = program(join(root, 'second'), 'rec');
    expect(findOnPath(['rec', 'arecord'], { PATH: `${join(root, 'first')}${delimiter}${join(root, 'second')}` })).toEqual({ name: 'rec', path: rec });
  });

  it('finds nothing with no PATH at all', () => {
    expect(findOnPath(['sh'], {})).toBeUndefined();
    expect(findRecorder({})).toBeUndefined();
  });
});

describe('running the recorder', () => {
  it('a recorder that cannot start is named, with why', async () => {
    const why = await new Promise<string | null>((resolve) => {
      startRecorder({ name: 'arecord', path: join(tempDir(), 'gone', 'arecord'), args: [] }, () => undefined, resolve);
    });
    expect(why).toMatch(/^arecord could not start \(spawn .*ENOENT\)$/);
  });

  it('a recorder that fails says its last line of error output; one that says nothing, its exit code', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rec'), '#!/bin/sh\necho "rec: first complaint" >&2\necho "rec: no default audio device" >&2\necho >&2\nexit 2\n');
    chmodSync(join(dir, 'rec'), 0o755);
    const end = (path: string) => new Promise<string | null>((resolve) => startRecorder({ name: 'rec', path, args: [] }, () => undefined, resolve));
    expect(await end(join(dir, 'rec'))).toBe('rec stopped (rec: no default audio device)');
    writeFileSync(join(dir, 'quiet'), '#!/bin/sh\nexit 5\n');
    chmodSync(join(dir, 'quiet'), 0o755);
    expect(await end(join(dir, 'quiet'))).toBe('rec stopped (exit 5)');
  });

  describe.skipIf(!runWithTool('sox'))('the real sox, reading a file instead of a microphone', () => {
    it('streams the file as 16 kHz 16-bit mono and ends cleanly when the file does', async () => {
      expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
      const spec = findRecorder({ PATH: process.env.PATH, PREP_RECORD_INPUT: FIXTURE })!;
      expect(spec.name).toBe('sox');
      const chunks: Buffer[] = [];
      const why = await new Promise<string | null>((resolve) => startRecorder(spec, (c) => chunks.push(c), resolve));
      expect(why).toBeNull();
      const bytes = Buffer.concat(chunks);
      const seconds = readWav(await import('node:fs').then((fs) => fs.readFileSync(FIXTURE))).samples.length / 6000;
      // 2 bytes a sample at 16 kHz: the whole recording, resampled.
      expect(Math.abs(bytes.length / 2 / 16000 - seconds)).toBeLessThan(0.05);
    });

    it('stop() ends it with no error reported, and can be called again', async () => {
      expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
      const spec = findRecorder({ PATH: process.env.PATH, PREP_RECORD_INPUT: FIXTURE })!;
      let r: ReturnType<typeof startRecorder> | undefined;
      let afterStop = 0;
      let stopped = false;
      const why = await new Promise<string | null>((resolve) => {
        r = startRecorder(
          spec,
          () => {
            if (stopped) afterStop++;
            if (!stopped) {
              stopped = true;
              r!.stop();
              r!.stop();
            }
          },
          resolve,
        );
      });
      expect(why).toBeNull();
      // Nothing is handed on once stopped.
      expect(afterStop).toBe(0);
      expect(r!.child.exitCode !== null || r!.child.signalCode !== null).toBe(true);
      r!.stop();
    });
  });
});
