import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './user-error.js';

/** What one git command did. */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The sync repository: its work tree, the git that runs in it, and the author to commit as. */
export interface Repo {
  dir: string;
  git: Git;
  /** `-c user.name=... -c user.email=...` when git has no author configured, else nothing. */
  author: string[];
}

/** Runs git in one repository: arguments as an array, never through a shell. */
export interface Git {
  /** Runs `git ...args`; a non-zero exit is returned, not thrown. */
  try(args: string[]): Promise<GitResult>;
  /** Runs `git ...args`; a non-zero exit throws a one-line UserError (exit code 1). */
  run(args: string[]): Promise<string>;
}

/** The git program on PATH, or undefined. prep never guesses other places. */
export function findGit(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';').map((e) => `git${e.toLowerCase()}`) : ['git'];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Why git failed, in one line: the first line it printed other than a hint or a warning. Git
 * puts the cause first and advice after it; the last line of a remote that cannot be read is
 * half a sentence of that advice ("and the repository exists.").
 */
export function gitReason(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !/^(hint|warning):/.test(l)) ?? ''
  );
}

/** The last non-empty line git printed: its reason, without the progress chatter before it. */
export function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

/**
 * Whether what git printed says the disk is full or a file passed a size limit, and if so, that
 * in words. Git's own text names the file or the helper that failed ("unpack-objects died of
 * signal 25"), which says nothing to the user.
 */
export function diskReason(text: string): string | undefined {
  if (/No space left on device/i.test(text)) return 'no space left on device';
  if (/Disk quota exceeded/i.test(text)) return 'disk quota exceeded';
  if (/File too large|died of signal 25\b|SIGXFSZ|too large for the size limit on files/i.test(text)) return 'a file is too large for the size limit on files';
  return undefined;
}

/** Why git ended on `signal`, in words: a file-size limit (a stand-in for a full disk) says so. */
export function stoppedBy(signal: NodeJS.Signals): string {
  if (signal === 'SIGXFSZ') return 'git was stopped writing a file: the file is too large for the size limit on files';
  if (signal === 'SIGKILL') return 'git was killed (out of memory, or by another program)';
  return `git was stopped by the signal ${signal}`;
}

/**
 * Git for the repository at `cwd`. Git may use its own credential helpers and ssh agent, but
 * never prompts on the terminal (GIT_TERMINAL_PROMPT=0): a sync must fail with a sentence,
 * never hang on a question nobody sees. Merges never open an editor. Once `stop` is aborted,
 * the git running is ended and every call fails at once.
 */
export function openGit(cwd: string, env: NodeJS.ProcessEnv = process.env, stop?: AbortSignal): Git {
  const file = findGit(env);
  if (!file) throw new UserError('prep sync needs git, and no git program was found on PATH; install git and try again', 1);
  const gitEnv = { ...env, GIT_TERMINAL_PROMPT: '0', GIT_MERGE_AUTOEDIT: 'no', GIT_EDITOR: ':' };
  const tryRun = (args: string[]) =>
    new Promise<GitResult>((resolve, reject) => {
      execFile(file, args, { cwd, env: gitEnv, maxBuffer: 1 << 30, encoding: 'utf8', signal: stop }, (err, stdout, stderr) => {
        // Stopped by a signal of its own (not ours): the reason in words, as git's last line.
        if (err && typeof err.code !== 'number' && err.signal && !stop?.aborted) return resolve({ code: 128, stdout, stderr: `${stderr}\n${stoppedBy(err.signal)}` });
        if (err && typeof err.code !== 'number') return reject(new UserError(`could not run git: ${err.message}`, 1));
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      });
    });
  return {
    try: tryRun,
    async run(args) {
      const r = await tryRun(args);
      if (r.code !== 0) throw new UserError(`git ${args[0]} failed: ${lastLine(r.stderr) || lastLine(r.stdout) || `exit code ${r.code}`}`, 1);
      return r.stdout;
    },
  };
}
