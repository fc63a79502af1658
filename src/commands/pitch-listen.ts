import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Listener, type ListenStatus } from '../core/audio/listener.js';
import { findRecorder, RECORD_RATE, RECORDERS, startRecorder, type Recording } from '../core/audio/recorder.js';
import { syllablesPerWord } from '../core/audio/syllables.js';
import type { Card } from '../core/deck/types.js';
import { pitchTargetSeconds } from '../core/pitch/timing.js';
import type { ListenSource } from '../ui/components/listen-panel.js';
import { writeFileAtomic } from '../core/store/atomic-write.js';
import { describeFsError, StoreError } from '../core/store/store-error.js';
import { UserError } from './user-error.js';

export interface ListenOptions {
  /** Seconds of silence after the voice that stop the clock. */
  stopAfter: number;
  /** Keep each attempt's audio here as a WAV; otherwise nothing is written. */
  keepAudio?: string;
}

/** The recorder, or the one-line error naming what was looked for. */
export function requireRecorder(env: NodeJS.ProcessEnv = process.env) {
  const spec = findRecorder(env);
  if (!spec) {
    throw new UserError(
      env.PREP_RECORD_INPUT
        ? 'PREP_RECORD_INPUT is set, but sox (which reads it) is not on PATH'
        : `--listen needs a recorder on PATH and found none of: ${RECORDERS.join(', ')} (sox provides rec; see README)`,
    );
  }
  return spec;
}

/** The clock a listener drives: the pitch screen's, or the drill's pitch card's. */
export interface ListenTarget {
  subscribe(listener: () => void): () => void;
  /** True while the attempt waits for its start: a voice may start the clock now. */
  ready(): boolean;
  send(intent: { type: 'voice-start' | 'voice-stop'; at: number }): unknown;
}

/** A running listener: what the screen shows, and the way to end it. */
export interface Ears {
  source: ListenSource;
  /** Ends the recorder; what was heard so far becomes final (and is kept with --keep-audio). */
  stop(): void;
}

/**
 * Listens while a pitch is timed: the recorder's PCM goes through the voice detector, and the
 * first voice and the silence after the last one start and stop the target's clock, at the
 * times the audio says (not when the detector was sure). `stop` ends the recorder.
 */
export function listen(session: ListenTarget, card: Card, deck: string, opts: ListenOptions, env = process.env): Ears {
  const spec = requireRecorder(env);
  const listener = new Listener(RECORD_RATE, opts.stopAfter * 1000, syllablesPerWord(card.answer));
  const subscribers = new Set<() => void>();
  let status: ListenStatus = listener.get();
  const notify = () => {
    status = listener.get();
    for (const s of subscribers) s();
  };
  /** Wall time (ms since the epoch) of audio time 0 of this attempt. */
  let base: number | null = null;
  let byVoice = false;
  /** Set by `stop`: the recorder's end, which follows it, must not move the clock. */
  let stopped = false;

  const keep = () => {
    if (!opts.keepAudio || listener.get().voiceStartMs === null) return;
    const stamp = new Date(base ?? Date.now()).toISOString().replace(/[:.]/g, '-');
    const file = join(opts.keepAudio, `${deck}-pitch-${stamp}.wav`);
    // Whole or not at all: a full disk leaves no empty or cut WAV, and is told in words.
    try {
      mkdirSync(opts.keepAudio, { recursive: true });
      writeFileAtomic(file, wavOf(Buffer.concat(listener.chunks)), { mode: 0o644 });
    } catch (err) {
      throw new UserError(`could not keep the recording as ${file}: ${describeFsError(err instanceof StoreError ? err.cause : err)} (the attempt itself is saved)`, 1);
    }
  };

  /** Moves the session's clock to what the listener heard. */
  const follow = () => {
    const st = listener.get();
    if (base !== null && !stopped && st.phase !== 'waiting' && session.ready() && !byVoice && st.voiceStartMs !== null) {
      byVoice = true;
      session.send({ type: 'voice-start', at: base + st.voiceStartMs });
    }
    if (base !== null && !stopped && st.phase === 'done' && byVoice && st.voiceEndMs !== null) session.send({ type: 'voice-stop', at: base + st.voiceEndMs });
    if (st !== status) notify();
  };

  const recording: Recording = startRecorder(
    spec,
    (chunk) => {
      base ??= Date.now() - chunk.length / 2 / (RECORD_RATE / 1000);
      listener.push(chunk);
      follow();
    },
    (why) => {
      listener.finish();
      if (why) listener.fail(why);
      follow();
      notify();
    },
  );

  // A retry starts a new attempt: listen afresh (the recorder keeps running).
  const unsubscribe = session.subscribe(() => {
    if (session.ready() && listener.get().phase !== 'waiting') {
      keep();
      listener.reset();
      base = null;
      byVoice = false;
      notify();
    }
  });

  return {
    source: {
      subscribe: (l) => {
        subscribers.add(l);
        return () => subscribers.delete(l);
      },
      get: () => status,
      recorder: spec.name,
      stopAfterSeconds: opts.stopAfter,
      targetSeconds: pitchTargetSeconds(card),
    },
    stop: () => {
      stopped = true;
      recording.stop();
      unsubscribe();
      // The recorder's last bytes are not waited for: what was heard is the attempt.
      listener.finish();
      notify();
      keep();
    },
  };
}

/** Raw 16-bit mono PCM wrapped as a WAV file. */
function wavOf(pcm: Buffer): Buffer {
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + pcm.length, 4);
  head.write('WAVEfmt ', 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(RECORD_RATE, 24);
  head.writeUInt32LE(RECORD_RATE * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36);
  head.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([head, pcm]);
}
