/** Builds a WAV file in memory, for reader tests: integer PCM, float, or EXTENSIBLE. */
export function makeWav(opts: {
  sampleRate: number;
  channels: number;
  bits: number;
  float?: boolean;
  extensible?: boolean;
  /** Interleaved samples in [-1, 1]. */
  samples: number[];
  /** Write this in the data chunk's size field instead of the truth (e.g. 0xffffffff). */
  dataSize?: number;
  /** A chunk to put before `fmt ` and one before `data` (readers must skip them). */
  extraChunks?: boolean;
}): Buffer {
  const width = opts.bits / 8;
  const data = Buffer.alloc(opts.samples.length * width);
  opts.samples.forEach((x, i) => {
    const at = i * width;
    if (opts.float) {
      if (opts.bits === 32) data.writeFloatLE(x, at);
      else data.writeDoubleLE(x, at);
    } else if (opts.bits === 8) data.writeUInt8(Math.round(x * 127 + 128), at);
    else data.writeIntLE(Math.round(x * (2 ** (opts.bits - 1) - 1)), at, width);
  });
  const tag = opts.float ? 3 : 1;
  const fmt = Buffer.alloc(opts.extensible ? 40 : 16);
  fmt.writeUInt16LE(opts.extensible ? 0xfffe : tag, 0);
  fmt.writeUInt16LE(opts.channels, 2);
  fmt.writeUInt32LE(opts.sampleRate, 4);
  fmt.writeUInt32LE(opts.sampleRate * opts.channels * width, 8);
  fmt.writeUInt16LE(opts.channels * width, 12);
  fmt.writeUInt16LE(opts.bits, 14);
  if (opts.extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(opts.bits, 18);
    fmt.writeUInt32LE(opts.channels === 2 ? 3 : 4, 20);
    // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: the tag, then the fixed GUID tail.
    fmt.writeUInt16LE(tag, 24);
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(fmt, 26);
  }
  const chunk = (id: string, body: Buffer, size = body.length) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'ascii');
    head.writeUInt32LE(size, 4);
    return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const extra = opts.extraChunks ? chunk('LIST', Buffer.from('INFOjunk!')) : Buffer.alloc(0);
  const body = Buffer.concat([Buffer.from('WAVE'), extra, chunk('fmt ', fmt), extra, chunk('data', data, opts.dataSize)]);
  return Buffer.concat([chunk('RIFF', body).subarray(0, 8), body]);
}

/** `seconds` of a sine at `hz` and peak `amp`, at `rate`. */
export function tone(seconds: number, rate: number, hz: number, amp: number): number[] {
  return Array.from({ length: Math.round(seconds * rate) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
}
