import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { findOnPath } from './find-tool.js';
import { AudioFormatError, readWav, sniffFormat, type Pcm } from './wav.js';

/** A recording that cannot be read; the message is one line, without the file name. */
export class AudioFileError extends Error {
  override name = 'AudioFileError';
}

/** Converters tried in this order for what is not a WAV prep decodes itself. */
const CONVERTERS = {
  sox: (file: string) => [file, '-t', 'wav', '-e', 'signed-integer', '-b', '16', '-c', '1', '-'],
  ffmpeg: (file: string) => ['-nostdin', '-v', 'error', '-i', file, '-f', 'wav', '-acodec', 'pcm_s16le', '-ac', '1', '-'],
} as const;

const MAX_BYTES = 1 << 30;

/**
 * Reads a recording as mono PCM: a WAV directly; anything else through sox or ffmpeg when one is
 * on PATH (run with execFile, arguments as a list: no shell ever sees the file name).
 */
export async function loadAudio(file: string, env: NodeJS.ProcessEnv = process.env): Promise<Pcm> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AudioFileError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a recording' : `cannot read it (${code ?? String(err)})`);
  }
  try {
    return readWav(bytes);
  } catch (err) {
    // Stryker disable next-line ConditionalExpression: readWav throws nothing else; this keeps a bug from being worded as a format problem
    if (!(err instanceof AudioFormatError)) throw err;
    if (!err.convertible) throw new AudioFileError(err.message);
    const tool = findOnPath(Object.keys(CONVERTERS), env);
    if (!tool) {
      throw new AudioFileError(`${err.message}; prep reads WAV (PCM or float) itself and other formats through sox or ffmpeg, and neither is on PATH`);
    }
    return convert(tool.path, tool.name as keyof typeof CONVERTERS, file, bytes);
  }
}

function convert(path: string, name: keyof typeof CONVERTERS, file: string, bytes: Buffer): Promise<Pcm> {
  return new Promise((resolve, reject) => {
    // Stryker disable next-line StringLiteral,BooleanLiteral: an unknown encoding also gives Buffers; windowsHide only acts on Windows
    execFile(path, CONVERTERS[name](file), { encoding: 'buffer', maxBuffer: MAX_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const why = stderr.toString('utf8').trim().split('\n').pop() || error.message;
        return reject(new AudioFileError(`${name} could not read it as audio (${sniffFormat(bytes)}): ${why}`));
      }
      try {
        resolve(readWav(stdout));
      } catch (e) {
        reject(new AudioFileError(`${name} gave back no audio prep can read (${(e as Error).message})`));
      }
    });
  });
}
