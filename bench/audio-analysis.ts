// Analysis of a 60 s recording: read the WAV (48 kHz stereo 16-bit, as a laptop records, and
// 16 kHz mono) and compute speaking time, pauses and pace. The speech is the committed espeak-ng
// fixtures, end to end, so the analysis does the work it does on a real pitch. Bundled by
// `scripts/build.mjs --bench`; run by bench/audio.mjs.
import { readFileSync } from 'node:fs';
import { analysePcm } from '../src/core/audio/analyse.js';
import { readWav } from '../src/core/audio/wav.js';

const dir = new URL('../../test/fixtures/audio/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { fixtures: { file: string }[] };
const speech = manifest.fixtures.map((f) => readWav(readFileSync(new URL(f.file, dir))));

/** 60 s of the fixtures one after another, at `rate` with `channels`, as WAV bytes. */
function recording(rate: number, channels: number): Buffer {
  const frames = 60 * rate;
  const data = Buffer.alloc(frames * channels * 2);
  let k = 0;
  let src = speech[0]!;
  let at = 0;
  for (let i = 0; i < frames; i++) {
    if (at >= src.samples.length * (rate / src.sampleRate)) {
      src = speech[++k % speech.length]!;
      at = 0;
    }
    const x = src.samples[Math.floor((at++ * src.sampleRate) / rate)] ?? 0;
    for (let c = 0; c < channels; c++) data.writeInt16LE(Math.round(x * 32767), (i * channels + c) * 2);
  }
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(channels, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * channels * 2, 28);
  head.writeUInt16LE(channels * 2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36);
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

const runs = Number(process.argv[2] ?? 15);
const out: Record<string, number[]> = {};
for (const [name, rate, channels] of [['48 kHz stereo', 48000, 2], ['16 kHz mono', 16000, 1]] as const) {
  const bytes = recording(rate, channels);
  const ms: number[] = [];
  let pauses = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    pauses = analysePcm(readWav(bytes), 1.3).pauses.count;
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  if (pauses === 0) throw new Error('the bench recording has no pauses: it is not doing the real work');
  out[name] = ms;
}
process.stdout.write(JSON.stringify(out));
