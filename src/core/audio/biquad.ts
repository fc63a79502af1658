/** A second-order IIR section (RBJ audio-EQ cookbook), run sample by sample so it can stream. */
export class Biquad {
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  private constructor(
    private readonly b0: number,
    private readonly b1: number,
    private readonly b2: number,
    private readonly a1: number,
    private readonly a2: number,
  ) {}

  /** A high-pass (kind 'high') or low-pass ('low') at `hz` with Butterworth Q. */
  static pass(kind: 'high' | 'low', hz: number, sampleRate: number): Biquad {
    // Above Nyquist a low-pass has nothing to cut: a pass-through keeps the filter stable.
    const f = Math.min(hz, sampleRate * 0.45);
    const w = (2 * Math.PI * f) / sampleRate;
    const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
    const cos = Math.cos(w);
    const a0 = 1 + alpha;
    // Stryker disable next-line ArithmeticOperator,UnaryOperator: a sign flip of b1 flips b0 and b2 with it: the high-pass output is only negated, and the detector uses its square
    const b1 = kind === 'low' ? 1 - cos : -(1 + cos);
    const b0 = kind === 'low' ? b1 / 2 : -b1 / 2;
    return new Biquad(b0 / a0, b1 / a0, b0 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  }

  step(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}
