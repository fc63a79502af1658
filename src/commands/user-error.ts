/** Exit codes: 0 fine, 1 runtime failure, 2 bad input (arguments, deck, no terminal). */
export const EXIT_USAGE = 2;

const USER_ERROR = Symbol.for('prep.UserError');

/** A failure to report as one plain line and an exit code, never a stack trace. */
export class UserError extends Error {
  readonly [USER_ERROR] = true;

  constructor(
    message: string,
    readonly code = EXIT_USAGE,
    /** Lines that already say where they come from (file:line:col) and need no "prep:" prefix. */
    readonly located = false,
  ) {
    super(message);
    this.name = 'UserError';
  }

  // The writing commands run from a second bundle (scripts/build.mjs) with its own copy of this
  // class: `instanceof` goes by the mark, so the CLI knows their errors as its own.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [USER_ERROR]?: unknown })[USER_ERROR] === true;
  }
}
