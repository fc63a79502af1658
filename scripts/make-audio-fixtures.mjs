#!/usr/bin/env node
// Builds the speech fixtures of test/fixtures/audio from espeak-ng and sox, with a manifest of
// what is true about each: where the voice starts, how long it speaks, its pauses, its rate.
// Run it again after changing the recipe: `node scripts/make-audio-fixtures.mjs [out-dir]`.
// Needs espeak-ng and sox on PATH; tests only read what it wrote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(process.argv[2] ?? fileURLToPath(new URL('../test/fixtures/audio/', import.meta.url)));
const RATE = 22050; // espeak-ng's own output rate; everything is assembled at it, then resampled once.
/** The committed files: 6 kHz keeps the speech band (to 3 kHz) at a quarter of CD size per second. */
const OUT_RATE = 6000;

/** Three clauses without inner punctuation, so espeak adds no pause of its own inside one. */
export const SEGMENTS = [
  'I build tools that let coding agents run safely',
  'my main project is a hardened sandbox with network rules',
  'and I would like to bring that work to your team',
];
/** The silences put between the clauses, in seconds (the pauses a test must find). */
const INNER = [1.0, 1.5];

const FIXTURES = [
  { name: 'wpm120-clean', wpm: 120, bits: 8, lead: 0.8, tail: 1.0 },
  { name: 'wpm160-pink45-click', wpm: 160, bits: 8, lead: 1.2, tail: 1.2, noise: { kind: 'pinknoise', dbfs: -45 }, click: 0.3 },
  { name: 'wpm200-brown50', wpm: 200, bits: 8, lead: 0.6, tail: 0.8, noise: { kind: 'brownnoise', dbfs: -50 } },
  { name: 'wpm160-room30', wpm: 160, bits: 8, lead: 1.0, tail: 1.0, noise: { kind: 'pinknoise', dbfs: -30 } },
  { name: 'wpm160-quiet', wpm: 160, bits: 16, lead: 0.6, tail: 0.6, gain: -28, noise: { kind: 'whitenoise', dbfs: -72 } },
];

const sh = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const seconds = (file) => Number(sh('soxi', ['-D', file]).trim());
const statsRms = (file) => {
  const r = execFileSync('sh', ['-c', 'sox "$0" -n stats 2>&1', file], { encoding: 'utf8' });
  return Number(/RMS lev dB\s+(-?[\d.]+)/.exec(r)[1]);
};

const words = (t) => t.split(/\s+/).filter(Boolean).length;

function build(f, tmp) {
  const parts = [];
  const segs = SEGMENTS.map((text, i) => {
    const raw = join(tmp, `${f.name}-raw${i}.wav`);
    const cut = join(tmp, `${f.name}-seg${i}.wav`);
    sh('espeak-ng', ['-v', 'en-us', '-s', String(f.wpm), '-w', raw, text]);
    // espeak pads each utterance with silence of its own: cut it so the truth is the voice.
    sh('sox', [raw, '-r', String(RATE), '-c', '1', '-b', '16', cut, 'silence', '1', '0.005', '0.1%', 'reverse', 'silence', '1', '0.005', '0.1%', 'reverse']);
    return { file: cut, seconds: seconds(cut), text };
  });
  const silence = (s, i) => {
    const file = join(tmp, `${f.name}-sil${i}.wav`);
    sh('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', file, 'trim', '0', String(s)]);
    return file;
  };
  parts.push(silence(f.lead, 'lead'));
  segs.forEach((s, i) => {
    parts.push(s.file);
    if (i < INNER.length) parts.push(silence(INNER[i], i));
  });
  parts.push(silence(f.tail, 'tail'));
  const speech = join(tmp, `${f.name}-speech.wav`);
  sh('sox', [...parts, speech, ...(f.gain ? ['gain', String(f.gain)] : [])]);
  const total = seconds(speech);

  let mixed = speech;
  if (f.noise || f.click !== undefined) {
    const layers = [];
    if (f.noise) {
      const raw = join(tmp, `${f.name}-noise-raw.wav`);
      const noise = join(tmp, `${f.name}-noise.wav`);
      sh('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', raw, 'synth', String(total), f.noise.kind]);
      sh('sox', [raw, noise, 'gain', String(f.noise.dbfs - statsRms(raw))]);
      layers.push(noise);
    }
    if (f.click !== undefined) {
      // A 40 ms crack of noise near full scale in the lead-in silence: must not start the timer.
      const click = join(tmp, `${f.name}-click.wav`);
      sh('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', click, 'synth', '0.04', 'whitenoise', 'gain', '-6', 'pad', String(f.click), String(total - f.click - 0.04)]);
      layers.push(click);
    }
    mixed = join(tmp, `${f.name}-mixed.wav`);
    sh('sox', ['-m', '-v', '1', speech, ...layers.flatMap((l) => ['-v', '1', l]), mixed]);
  }
  const out = join(OUT, `${f.name}.wav`);
  sh('sox', [mixed, '-r', String(OUT_RATE), '-c', '1', '-b', String(f.bits), ...(f.bits === 8 ? ['-e', 'unsigned-integer'] : ['-e', 'signed-integer']), out, 'rate', '-h', String(OUT_RATE)]);

  const voiced = segs.reduce((s, x) => s + x.seconds, 0);
  const speaking = voiced + INNER.reduce((a, b) => a + b, 0);
  const n = SEGMENTS.reduce((s, t) => s + words(t), 0);
  return {
    file: `${f.name}.wav`,
    bytes: statSync(out).size,
    synthesisWpm: f.wpm,
    bits: f.bits,
    sampleRate: OUT_RATE,
    noise: f.noise ?? null,
    gainDb: f.gain ?? 0,
    clickAtSeconds: f.click ?? null,
    truth: {
      voiceStartSeconds: f.lead,
      speakingSeconds: round(speaking),
      pausesSeconds: INNER,
      words: n,
      /** Words a minute over the speaking time, pauses included (what prep reports). */
      wpm: round((n / speaking) * 60),
      /** Words a minute while voicing (pauses left out): espeak's actual pace. */
      articulationWpm: round((n / voiced) * 60),
    },
  };
}

const round = (x) => Math.round(x * 1000) / 1000;

mkdirSync(OUT, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'prep-audio-'));
try {
  const fixtures = FIXTURES.map((f) => build(f, tmp));
  const text = SEGMENTS.join(' ');
  const manifest = { made: 'node scripts/make-audio-fixtures.mjs (espeak-ng + sox)', espeak: sh('espeak-ng', ['--version']).trim(), text, fixtures };
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = fixtures.reduce((s, f) => s + f.bytes, 0);
  console.log(`${fixtures.length} fixtures in ${OUT}, ${Math.round(total / 1024)} KB in all`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
