import { spawn, type ChildProcess } from 'node:child_process';
import { findOnPath } from './find-tool.js';

/** The sample format every recorder is asked for: raw signed 16-bit little-endian, mono. */
export const RECORD_RATE = 16000;

/** A recorder found on this machine: the program and the arguments that stream PCM to stdout. */
export interface RecorderSpec {
  name: string;
  path: string;
  args: string[];
}

const RAW = ['-t', 'raw', '-r', String(RECORD_RATE), '-e', 'signed-integer', '-b', '16', '-c', '1', '-'];

/** What prep looks for, in order (said in the error when none is found). */
export const RECORDERS = ['rec', 'sox', 'arecord', 'ffmpeg'] as const;

/**
 * The recorder to use: sox's `rec` (or `sox -d`) on macOS and Linux, else ALSA's `arecord`, else
 * ffmpeg (AVFoundation on macOS, PulseAudio elsewhere). PREP_RECORD_INPUT=FILE makes sox read
 * that file (a WAV, or a FIFO fed at speaking pace) instead of the microphone: the same
 * process, pipe and shutdown, for machines without a microphone (tests, demos).
 */
export function findRecorder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): RecorderSpec | undefined {
  const input = env.PREP_RECORD_INPUT;
  if (input) {
    const sox = findOnPath(['sox'], env);
    return sox && { name: 'sox', path: sox.path, args: ['-q', input, ...RAW] };
  }
  const found = findOnPath(RECORDERS, env);
  if (!found) return undefined;
  switch (found.name) {
    case 'rec':
      return { ...found, args: ['-q', ...RAW] };
    case 'sox':
      return { ...found, args: ['-q', '-d', ...RAW] };
    case 'arecord':
      return { ...found, args: ['-q', '-t', 'raw', '-f', 'S16_LE', '-r', String(RECORD_RATE), '-c', '1', '-'] };
    default: {
      const device = platform === 'darwin' ? ['-f', 'avfoundation', '-i', ':0'] : ['-f', 'pulse', '-i', 'default'];
      return { ...found, args: ['-nostdin', '-v', 'error', ...device, '-ac', '1', '-ar', String(RECORD_RATE), '-f', 's16le', '-'] };
    }
  }
}

/** A running recorder; `stop` is safe to call any number of times, from any exit path. */
export interface Recording {
  child: ChildProcess;
  stop(): void;
}

const running = new Set<ChildProcess>();
const KILL_AFTER_MS = 300;
let exitHookSet = false;

/**
 * Starts the recorder. Whatever way prep ends (q, a signal, a crash), it is stopped: the caller
 * stops it when its screen ends, and an `exit` hook stops any still running. Were prep killed
 * outright, the recorder's next write hits a closed pipe and it ends on its own.
 */
export function startRecorder(spec: RecorderSpec, onData: (chunk: Buffer) => void, onEnd: (why: string | null) => void): Recording {
  const child = spawn(spec.path, spec.args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  running.add(child);
  if (!exitHookSet) {
    exitHookSet = true;
    // No time is left on exit for a polite request: end them outright.
    process.on('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
  }
  let stderr = '';
  let stopped = false;
  child.stdout.on('data', onData);
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
  child.on('error', (err) => {
    running.delete(child);
    onEnd(`${spec.name} could not start (${err.message})`);
  });
  child.on('close', (code) => {
    running.delete(child);
    const last = stderr.trim().split('\n').filter(Boolean).pop();
    onEnd(stopped || code === 0 ? null : `${spec.name} stopped (${last ?? `exit ${code}`})`);
  });
  return {
    child,
    stop: () => {
      if (stopped) return;
      stopped = true;
      child.stdout.removeListener('data', onData);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // sox takes SIGTERM as "finish up" and waits for its next read, which a silent
      // microphone (or a stalled pipe) may never deliver: it gets a moment, then SIGKILL.
      const force = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      child.once('close', () => clearTimeout(force));
    },
  };
}
