import { isAbsolute, relative } from 'node:path';
import { inert } from '../core/text/inert.js';

/**
 * Where a plain-output command (lint, new, import, schema) reads its environment and writes its
 * lines. Commands take one so tests can run them in-process with a temp PREP_HOME and read
 * what they printed.
 */
export interface CommandIO {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** One line of the command's output (stdout). */
  out(line: string): void;
  /** One line of diagnostics (stderr). */
  err(line: string): void;
}

/**
 * The real process: its environment, working folder, stdout and stderr. Lines quote decks,
 * imported files and file names, so each is made inert on its way to the terminal.
 */
export function processIO(): CommandIO {
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${inert(line)}\n`),
    err: (line) => process.stderr.write(`${inert(line)}\n`),
  };
}

/** A path as the user should read it: relative to `cwd` when it is inside it, else absolute. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
