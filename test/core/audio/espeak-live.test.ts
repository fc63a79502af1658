import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analysePcm } from '../../../src/core/audio/analyse.js';
import { syllablesPerWord } from '../../../src/core/audio/syllables.js';
import { readWav } from '../../../src/core/audio/wav.js';
import { hasTool, runWithTool } from '../../helpers/tools.js';

// The committed fixtures were made once; this runs the real synthesiser now, with a text the
// fixtures never used, so the analysis is not tuned to one recording. Skips without espeak-ng
// unless PREP_REQUIRE_TOOLS=1.
const TEXT = ['So that is why I want this job', 'because the hard part of agents is trust', 'and trust is built one small tool at a time'];

function speak(text: string, wpm: number): { samples: Float32Array; rate: number } {
  const wav = execFileSync('espeak-ng', ['-v', 'en-us', '-s', String(wpm), '--stdout', text]);
  const pcm = readWav(wav);
  // espeak pads each utterance with silence: the truth starts at the first sound.
  let a = 0;
  let b = pcm.samples.length;
  while (a < b && Math.abs(pcm.samples[a]!) < 1e-3) a++;
  while (b > a && Math.abs(pcm.samples[b - 1]!) < 1e-3) b--;
  return { samples: pcm.samples.subarray(a, b), rate: pcm.sampleRate };
}

describe.skipIf(!runWithTool('espeak-ng'))('espeak-ng, live', () => {
  it('measures freshly synthesised speech with pauses and noise', () => {
    expect(hasTool('espeak-ng'), 'espeak-ng is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
    const clips = TEXT.map((t) => speak(t, 175));
    const rate = clips[0]!.rate;
    const gaps = [0.7, 1.2];
    const lead = 1;
    const parts: Float32Array[] = [new Float32Array(lead * rate)];
    clips.forEach((c, i) => {
      parts.push(c.samples);
      if (i < gaps.length) parts.push(new Float32Array(Math.round(gaps[i]! * rate)));
    });
    parts.push(new Float32Array(rate));
    const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      samples.set(p, at);
      at += p.length;
    }
    let seed = 3;
    for (let i = 0; i < samples.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      samples[i]! += 0.01 * ((seed / 2 ** 31) * 2 - 1); // noise at about -45 dBFS
    }
    const voiced = clips.reduce((s, c) => s + c.samples.length / rate, 0);
    const speaking = voiced + gaps[0]! + gaps[1]!;
    const words = TEXT.join(' ').split(' ').length;

    const got = analysePcm({ sampleRate: rate, samples }, syllablesPerWord(TEXT.join(' ')));
    expect(Math.abs(got.voiceStartMs! / 1000 - lead)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(got.speakingMs / 1000 - speaking)).toBeLessThanOrEqual(0.3);
    expect(got.pauses.count).toBe(2);
    expect(got.wpm! / ((words / speaking) * 60)).toBeGreaterThan(0.85);
    expect(got.wpm! / ((words / speaking) * 60)).toBeLessThan(1.15);
  });
});
