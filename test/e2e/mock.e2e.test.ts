import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { runCli } from '../helpers/run-cli.js';
import { findOnPath } from '../../src/commands/speech.js';
import { putDeck, SMALL_DECK } from '../helpers/e2e-home.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ESPEAK = findOnPath(['espeak-ng']);
const REQUIRED = process.env.PREP_REQUIRE_TOOLS === '1';
const DECK = `${SMALL_DECK}ask:\n  - question: How do you ship?\n    why: To hear how they work.\n`;

describe('prep mock in a real terminal', () => {
  const t = usePrepTerminal();

  it('rehearses, grades in the scorecard, logs mock grades, and --last prints it again without a terminal', async () => {
    putDeck(t.home, 'small', DECK);
    const env = { ...t.env, NO_COLOR: '1' };
    const pty = t.start(['mock', 'small', '--questions', '2', '--order', 'deck'], { env });
    let screen = await pty.waitFor('[on pace]');
    expect(screen).toContain('Pitch  1/4');
    await sleep(300);
    pty.write(' ');
    await pty.waitFor('Alpha question?');
    pty.write('s');
    await pty.waitFor('Beta question?');
    pty.write('\r');
    screen = await pty.waitFor('Do you have any questions for us?');
    expect(screen).not.toContain('How do you ship?');
    pty.write('\r');
    await pty.waitFor('Grade 1 of 4');
    pty.write('3');
    await pty.waitFor('Grade 2 of 4');
    pty.write('1');
    await pty.waitFor('Grade 3 of 4');
    pty.write('n');
    await pty.waitFor('Grade 4 of 4');
    pty.write('4');
    screen = await pty.waitFor('Time in all');
    expect(screen).toContain('3 answered, 1 skipped');
    expect(screen).toContain('skipped');
    pty.write('q');
    expect((await pty.exited).code).toBe(0);

    const log = t.log('small');
    expect(log.map((r) => r.type)).toEqual(['grade', 'grade', 'grade', 'mock']);
    const mockId = log[3]!.id;
    expect(log.slice(0, 3).every((r) => r.early === true && r.mock === mockId)).toBe(true);
    expect(log[3]!.items.map((i: { card: string; grade: number | null }) => [i.card, i.grade])).toEqual([
      ['pitch', 3],
      ['alpha', 1],
      ['beta', null],
      ['how-do-you-ship', 4],
    ]);

    const last = await runCli(['mock', 'small', '--last'], { env });
    expect(last.code).toBe(0);
    expect(last.stdout).toMatch(/1 +Alpha question\? +— \/ — +skipped +1 Again/);
    expect(last.stdout).toMatch(/P +Tell me about yourself\. +0:0\d \/ 0:30 +under +3 Good/);
    expect(last.stdout).toContain('Grades: 1 Again, 1 Good, 1 Easy · mean 2.7');
    const stats = await runCli(['stats', 'small'], { env });
    expect(stats.stdout).toContain('Mock interviews');
  });

  it('without a terminal, a rehearsal says so in one line and exits 2', async () => {
    const r = await runCli(['mock', 'coder'], { env: t.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prep: prep mock is interactive and needs a terminal, but its input is not a terminal.\n');
  });

  it('--speak with no speech command on PATH names what it looked for and runs silently', async () => {
    // A PATH with only what the terminal and prep need: no speech command on it.
    const bin = join(t.home, 'bin');
    mkdirSync(bin);
    for (const tool of ['node', 'sh', 'script', 'stty']) symlinkSync(tool === 'node' ? process.execPath : findOnPath([tool])!, join(bin, tool));
    const pty = t.start(['mock', 'coder', '--speak', '--questions', '1'], { env: { ...t.env, PATH: bin, NO_COLOR: '1' } });
    const screen = await pty.waitFor('Tell me about yourself.');
    // Shown on the screen itself, which takes the whole window.
    expect(screen).toContain('--speak: no say, espeak-ng, espeak or spd-say on PATH; running silently.');
    await pty.waitFor('[on pace]');
  });

  it.skipIf(!ESPEAK && !REQUIRED)('--speak reads each question through the real espeak-ng, then starts the clock', async () => {
    if (!ESPEAK) throw new Error('espeak-ng is not installed (PREP_REQUIRE_TOOLS=1)');
    // A wrapper first on PATH records the arguments it was given, then runs the real espeak-ng.
    const bin = join(t.home, 'bin');
    mkdirSync(bin);
    const calls = join(t.home, 'calls');
    mkdirSync(calls);
    writeFileSync(join(bin, 'espeak-ng'), `#!/bin/sh\nn=$(ls "${calls}" | wc -l)\nprintf '%s\\n' "$@" > "${calls}/$n"\nexec "${ESPEAK}" "$@"\n`);
    chmodSync(join(bin, 'espeak-ng'), 0o755);
    putDeck(t.home, 'small', DECK);
    const pty = t.start(['mock', 'small', '--speak', '--questions', '1', '--order', 'deck'], { env: { ...t.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` } });
    await pty.waitFor('Tell me about yourself.');
    // The clock starts once espeak-ng has ended (with or without a sound device).
    await pty.waitFor('[on pace]');
    await sleep(300);
    pty.write(' ');
    await pty.waitFor('Alpha question?');
    // The deck's questions have no target: the clock runs without one once the reading is over.
    await pty.waitFor('(no target)');
    const args = readdirSync(calls).sort().map((f) => readFileSync(join(calls, f), 'utf8'));
    expect(args.slice(0, 2)).toEqual(['Tell me about yourself.\n', 'Alpha question?\n']);
    pty.write('q');
    expect((await pty.exited).code).toBe(0);
  });
});

describe('prep sheet', () => {
  const t = usePrepTerminal();

  it('prints Markdown when piped, weakest first, within 80 columns, and writes nothing to the data folder', async () => {
    const r = await runCli(['sheet', 'coder'], { env: t.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Coder — Software Engineer, AI Tools\n/);
    expect(r.stdout).toContain('## Pitch (30 s): Tell me about yourself.');
    expect(r.stdout).toContain('### Q1 · never practised · 90 s');
    expect(r.stdout).toContain('## Your questions to ask');
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(readdirSync(t.home)).toEqual([]);
  });

  it('--out writes the file (and nothing else) and a missing folder is one line, exit 2', async () => {
    const out = join(t.home, 'day.md');
    const r = await runCli(['sheet', 'coder', '--out', out], { env: t.env, cwd: t.home });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Wrote day.md\n');
    expect(readFileSync(out, 'utf8')).toContain('## Questions, weakest first');
    expect(readdirSync(t.home)).toEqual(['day.md']);
    const bad = await runCli(['sheet', 'coder', '--out', join(t.home, 'nope', 'day.md')], { env: t.env, cwd: t.home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('prep: cannot write nope/day.md: its folder nope does not exist\n');
    expect(existsSync(join(t.home, 'nope'))).toBe(false);
  });

  it('the terminal form in a real terminal: no Markdown marks', async () => {
    const pty = t.start(['sheet', 'coder'], { env: { ...t.env, NO_COLOR: '1' }, rows: 200 });
    const screen = await pty.waitFor('YOUR QUESTIONS TO ASK');
    expect(screen).not.toContain('## ');
    expect(screen).toContain('• Threat model first');
  });
});
