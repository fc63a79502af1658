/** Mono audio as floats in [-1, 1], with its sample rate. */
export interface Pcm {
  sampleRate: number;
  samples: Float32Array;
}

/** A file prep cannot read as WAV; the message is one sentence that names the format found. */
export class AudioFormatError extends Error {
  constructor(
    message: string,
    /** True when another program (sox, ffmpeg) might still convert the file. */
    readonly convertible: boolean,
  ) {
    super(message);
    this.name = 'AudioFormatError';
  }
}

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

const FORMAT_NAMES: Record<number, string> = {
  2: 'MS ADPCM',
  6: 'A-law',
  7: 'mu-law',
  0x11: 'IMA ADPCM',
  0x31: 'GSM 6.10',
  0x55: 'MP3',
};

/** What a file that is not a WAV looks like it is, from its first bytes. */
export function sniffFormat(bytes: Uint8Array): string {
  const ascii = (from: number, n: number) => String.fromCharCode(...bytes.subarray(from, from + n));
  if (ascii(0, 4) === 'fLaC') return 'FLAC';
  if (ascii(0, 4) === 'OggS') return 'Ogg';
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'MP3';
  if (ascii(4, 4) === 'ftyp') return 'MP4/M4A';
  if (ascii(0, 4) === 'FORM') return 'AIFF';
  if (ascii(0, 4) === 'RIFX') return 'big-endian WAV (RIFX)';
  if (ascii(0, 4) === 'RF64') return 'RF64';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'WebM/Matroska';
  return 'not a recognised audio format';
}

interface Format {
  tag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bits: number;
}

/**
 * Reads a RIFF/WAVE file: integer PCM of 8, 16, 24 or 32 bits, or float of 32 or 64 bits, plain
 * or WAVE_FORMAT_EXTENSIBLE, any rate and channel count (channels are averaged to mono). A data
 * chunk whose size runs past the end (a recorder stopped before it could fix the header) is
 * read up to the end. Anything else throws an {@link AudioFormatError}.
 */
export function readWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') {
    throw new AudioFormatError(`it is not a WAV file (${sniffFormat(bytes)})`, true);
  }
  let fmt: Format | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      // A file cut off inside its format chunk holds less than the chunk's size says.
      const held = Math.min(size, bytes.length - body);
      if (held < 16) throw new AudioFormatError('its WAV format chunk is too short', false);
      let tag = view.getUint16(body, true);
      const bits = view.getUint16(body + 14, true);
      // EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
      if (tag === EXTENSIBLE && held >= 40) tag = view.getUint16(body + 24, true);
      fmt = { tag, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), blockAlign: view.getUint16(body + 12, true), bits };
    } else if (id === 'data') {
      if (!fmt) throw new AudioFormatError('its WAV data comes before the format chunk', false);
      const end = Math.min(bytes.length, body + size);
      return { sampleRate: fmt.sampleRate, samples: decode(view, body, end, check(fmt)) };
    }
    at = body + size + (size % 2);
  }
  throw new AudioFormatError(fmt ? 'the WAV file has no audio data' : 'the WAV file has no format chunk', false);
}

type Reader = (view: DataView, at: number) => number;

function check(f: Format): { f: Format; read: Reader; width: number } {
  const name = `WAV ${FORMAT_NAMES[f.tag] ?? `format 0x${f.tag.toString(16).padStart(4, '0')}`}`;
  if (f.channels < 1 || f.sampleRate < 1) throw new AudioFormatError(`${name} with ${f.channels} channels at ${f.sampleRate} Hz is not audio`, false);
  const width = f.bits / 8;
  let read: Reader | undefined;
  if (f.tag === PCM) {
    if (f.bits === 8) read = (v, i) => (v.getUint8(i) - 128) / 128;
    else if (f.bits === 16) read = (v, i) => v.getInt16(i, true) / 32768;
    else if (f.bits === 24) read = (v, i) => ((v.getUint8(i) | (v.getUint8(i + 1) << 8) | (v.getInt8(i + 2) << 16)) / 8388608);
    else if (f.bits === 32) read = (v, i) => v.getInt32(i, true) / 2147483648;
  } else if (f.tag === FLOAT) {
    if (f.bits === 32) read = (v, i) => v.getFloat32(i, true);
    else if (f.bits === 64) read = (v, i) => v.getFloat64(i, true);
  } else {
    throw new AudioFormatError(`it is ${name}, which prep does not decode`, true);
  }
  if (!read) throw new AudioFormatError(`it is ${f.tag === FLOAT ? 'float' : 'PCM'} WAV of ${f.bits} bits, which prep does not decode`, true);
  if (f.blockAlign < width * f.channels) throw new AudioFormatError(`its WAV block size (${f.blockAlign}) is too small for ${f.channels} × ${f.bits} bits`, false);
  return { f, read, width };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function decode(view: DataView, start: number, end: number, { f, read, width }: ReturnType<typeof check>): Float32Array {
  const frames = Math.floor((end - start) / f.blockAlign);
  const out = new Float32Array(frames);
  // The common case (16-bit, no padding) through a typed array: several times faster than DataView.
  if (f.tag === PCM && f.bits === 16 && f.blockAlign === 2 * f.channels && LITTLE_ENDIAN) {
    const offset = view.byteOffset + start;
    // An Int16Array needs an even offset: read in place when it is, from a copy when not.
    const ints =
      offset % 2 === 0
        ? new Int16Array(view.buffer, offset, frames * f.channels)
        : new Int16Array(new Uint8Array(view.buffer, offset, frames * f.blockAlign).slice().buffer);
    const scale = 1 / (32768 * f.channels);
    for (let n = 0, i = 0; n < frames; n++) {
      let sum = 0;
      for (let c = 0; c < f.channels; c++) sum += ints[i++]!;
      out[n] = sum * scale;
    }
    return out;
  }
  for (let n = 0, at = start; n < frames; n++, at += f.blockAlign) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) sum += read(view, at + c * width);
    out[n] = sum / f.channels;
  }
  return out;
}
