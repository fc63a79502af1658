import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { logFile, PLAIN_DECK, putDeck, putLog, SMALL_DECK } from '../helpers/e2e-home.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import type { LogRecord } from '../../src/core/store/log-records.js';

const SHIPPED_CODER = fileURLToPath(new URL('../../decks/coder.yaml', import.meta.url));

// The built program, with pipes (no terminal), against a temp PREP_HOME.
const home = useTempHome('prep-housekeeping-');
const prep = (args: string[], env: NodeJS.ProcessEnv = home().env) => runCli(args, { env, cwd: home().dir });
const at = (s: string) => new Date(s).toISOString();

function history(deck: string): LogRecord[] {
  return [
    { v: 1, type: 'grade', id: 'g1', deck, card: 'alpha', grade: 3, at: at('2026-11-20T10:00') },
    { v: 1, type: 'pitch', id: 'p1', deck, ms: 31_000, beats: [0], beatsTotal: 3, at: at('2026-11-20T10:05') },
    { v: 1, type: 'pitch', id: 'p2', deck, ms: 29_000, beats: [0, 1], beatsTotal: 3, at: at('2026-11-21T10:05') },
  ];
}

describe('a mistyped deck name', () => {
  it.each([
    ['drill', 'codr'],
    ['review', 'codr'],
    ['pitch', 'codr'],
    ['stats', 'codr'],
    ['interview', 'codr'],
    ['edit', 'codr'],
    ['rename', 'codr', 'x'],
    ['remove', 'codr'],
    ['lint', 'codr'],
  ])('prep %s %s suggests coder, in one line, exit 2', async (...args) => {
    const r = await prep(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prep: no deck named "codr"\. Did you mean "coder"\?/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a name far from every deck gets the list only', async () => {
    const r = await prep(['drill', 'zzzzzz']);
    expect(r.stderr).not.toContain('Did you mean');
    expect(r.stderr).toContain('Available: coder (shipped)');
  });
});

describe('prep rename', () => {
  it('moves the deck file, its log, its snapshot and its interview date together; the history follows', async () => {
    const dir = home().dir;
    putDeck(dir, 'acme', SMALL_DECK);
    putLog(dir, 'acme', history('acme'));
    expect((await prep(['interview', 'acme', '2099-12-03'])).code).toBe(0);
    // stats once, so a snapshot may exist; rename must carry whatever is there.
    fs.mkdirSync(path.join(dir, 'snapshots'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'snapshots', 'acme.json'), '{}');
    const before = JSON.parse((await prep(['stats', 'acme', '--json'])).stdout);
    expect(before.pitch.attempts).toHaveLength(2);

    const r = await prep(['rename', 'acme', 'globex']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Renamed "acme" to "globex"');

    expect(fs.existsSync(path.join(dir, 'decks', 'acme.yaml'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'decks', 'globex.yaml'), 'utf8')).toBe(SMALL_DECK);
    expect(fs.existsSync(logFile(dir, 'acme'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'snapshots', 'acme.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'snapshots', 'globex.json'))).toBe(true);
    const records = fs.readFileSync(logFile(dir, 'globex'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as LogRecord);
    expect(records.map((x) => [x.id, x.deck])).toEqual([['g1', 'globex'], ['p1', 'globex'], ['p2', 'globex']]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).interviews).toEqual({ globex: '2099-12-03' });

    // Same figures under the new name: grades, pitch history, interview.
    const after = JSON.parse((await prep(['stats', 'globex', '--json'])).stdout);
    expect(after.pitch).toEqual(before.pitch);
    expect(after.counts).toEqual(before.counts);
    expect(after.interview).toEqual(before.interview);
  });

  it('refuses a name that is taken (a deck, a shipped deck, a leftover log), a bad name, and shipped decks; nothing moves', async () => {
    const dir = home().dir;
    putDeck(dir, 'acme', PLAIN_DECK);
    putDeck(dir, 'globex', PLAIN_DECK);
    putLog(dir, 'acme', history('acme'));
    putLog(dir, 'old', history('old'));
    const cases: Array<[string[], RegExp]> = [
      [['rename', 'acme', 'globex'], /a deck named "globex" already exists/],
      [['rename', 'acme', 'coder'], /a deck named "coder" already exists/],
      [['rename', 'acme', 'old'], /logs\/old\.jsonl already exists/],
      [['rename', 'acme', '../x'], /cannot be a deck name/],
      [['rename', 'coder', 'mine'], /"coder" is a shipped deck and cannot be renamed; "prep edit coder" makes a copy/],
      [['rename', './decks/acme.yaml', 'x'], /give the deck's name, not a file/],
    ];
    for (const [args, message] of cases) {
      const r = await prep(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
    expect(fs.readdirSync(path.join(dir, 'decks')).sort()).toEqual(['acme.yaml', 'globex.yaml']);
    expect(fs.readdirSync(path.join(dir, 'logs')).sort()).toEqual(['acme.jsonl', 'old.jsonl']);
  });
});

describe('prep remove', () => {
  it('moves the deck and its log aside, says where, and they come back byte for byte', async () => {
    const dir = home().dir;
    putDeck(dir, 'acme', PLAIN_DECK);
    const log = fs.readFileSync(putLog(dir, 'acme', history('acme')));
    const r = await prep(['remove', 'acme']);
    expect(r.code).toBe(0);
    const where = /moved acme\.yaml, acme\.jsonl to (\S+)/.exec(r.stdout)?.[1];
    expect(where).toMatch(/^removed\/acme-/);
    expect(fs.readFileSync(path.join(dir, where!, 'acme.yaml'), 'utf8')).toBe(PLAIN_DECK);
    expect(fs.readFileSync(path.join(dir, where!, 'acme.jsonl'))).toEqual(log);
    expect(fs.existsSync(path.join(dir, 'decks', 'acme.yaml'))).toBe(false);
    expect(fs.existsSync(logFile(dir, 'acme'))).toBe(false);
    expect((await prep(['list'])).stdout).not.toContain('acme');
  });

  it('a shipped deck cannot be removed', async () => {
    const r = await prep(['remove', 'coder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prep: "coder" is a shipped deck and cannot be removed; "prep edit coder" makes a copy of your own\n');
  });
});

describe('prep edit', () => {
  /** An editor that records its arguments and appends `line` to the file it is given. */
  function fakeEditor(line: string): string {
    const file = path.join(home().dir, 'my editor.mjs');
    fs.writeFileSync(
      file,
      `import fs from 'node:fs';
const args = process.argv.slice(2);
fs.writeFileSync(${JSON.stringify(path.join(home().dir, 'editor-args.json'))}, JSON.stringify(args));
fs.appendFileSync(args.at(-1), ${JSON.stringify(line)});
`,
    );
    return file;
  }
  const editorArgs = () => JSON.parse(fs.readFileSync(path.join(home().dir, 'editor-args.json'), 'utf8')) as string[];

  it('runs $EDITOR split into words without a shell, then lints the deck', async () => {
    const dir = home().dir;
    putDeck(dir, 'acme', PLAIN_DECK);
    const editor = fakeEditor('');
    const env = { ...home().env, VISUAL: '', EDITOR: `"${process.execPath}" "${editor}" --wait 'two words'` };
    const r = await prep(['edit', 'acme'], env);
    expect(r.code).toBe(0);
    expect(editorArgs()).toEqual(['--wait', 'two words', path.join(dir, 'decks', 'acme.yaml')]);
    expect(r.stdout).toContain('decks/acme.yaml: no problems');
  });

  it('a deck broken in the editor is reported with file:line:col and exit 2', async () => {
    putDeck(home().dir, 'acme', PLAIN_DECK);
    const env = { ...home().env, VISUAL: `"${process.execPath}" "${fakeEditor('  - id: delta\n    question: Delta?\n')}"` };
    const r = await prep(['edit', 'acme'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/decks\/acme\.yaml:\d+:\d+ .*answer/);
  });

  it('a shipped deck is copied to your decks folder first, and the shipped file is left alone', async () => {
    const dir = home().dir;
    const shipped = fs.readFileSync(SHIPPED_CODER, 'utf8');
    const env = { ...home().env, VISUAL: '', EDITOR: `"${process.execPath}" "${fakeEditor('# mine\n')}"` };
    const r = await prep(['edit', 'coder'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"coder" is a shipped deck: copied it to decks/coder.yaml');
    expect(fs.readFileSync(path.join(dir, 'decks', 'coder.yaml'), 'utf8')).toMatch(/# mine\n$/);
    expect(fs.readFileSync(SHIPPED_CODER, 'utf8')).toBe(shipped);
    expect((await prep(['list', '--json'])).stdout).toMatch(/"name": "coder",[\s\S]*"shipped": false/);
  });

  it('without $VISUAL and $EDITOR it says which editor it falls back to', async () => {
    const dir = home().dir;
    putDeck(dir, 'acme', PLAIN_DECK);
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'vi'), `#!/bin/sh\necho "$@" > "${path.join(dir, 'vi-args')}"\n`, { mode: 0o755 });
    const env: NodeJS.ProcessEnv = { ...home().env, PATH: bin };
    delete env.VISUAL;
    delete env.EDITOR;
    const r = await prep(['edit', 'acme'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No $VISUAL or $EDITOR set: opening vi.');
    expect(fs.readFileSync(path.join(dir, 'vi-args'), 'utf8').trim()).toBe(path.join(dir, 'decks', 'acme.yaml'));
  });

  it('an editor that does not exist, or an unclosed quote, is one clear line', async () => {
    putDeck(home().dir, 'acme', PLAIN_DECK);
    const missing = await prep(['edit', 'acme'], { ...home().env, VISUAL: '', EDITOR: 'no-such-editor-here --flag' });
    expect(missing).toMatchObject({ code: 1, stderr: 'prep: cannot start the editor "no-such-editor-here" (from $EDITOR): not found\n' });
    const quote = await prep(['edit', 'acme'], { ...home().env, VISUAL: '"vi', EDITOR: '' });
    expect(quote.code).toBe(2);
    expect(quote.stderr).toContain('$VISUAL cannot be read as a command');
  });
});
