import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/commands/lint.js';
import { useTempHome } from '../helpers/temp-home.js';
import { captureIO } from '../helpers/capture-io.js';

const home = useTempHome('prep-lint-');
const MANY = fileURLToPath(new URL('../fixtures/lint/many-problems.yaml', import.meta.url));

function userDeck(dir: string, name: string, text: string): void {
  mkdirSync(join(dir, 'decks'), { recursive: true });
  writeFileSync(join(dir, 'decks', `${name}.yaml`), text);
}

describe('prep lint', () => {
  it('with no argument and no decks, says so and succeeds', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    expect(await lint([], io)).toBe(0);
    expect(io.stdout).toEqual([`No decks in ${join(dir, 'decks')} yet: start one with "prep new <name>" or "prep import <file>".`]);
  });

  it('with no argument, lints every user deck (not the shipped ones) and exits 2 when one has an error', async () => {
    const { dir } = home();
    userDeck(dir, 'good', 'title: Good\nquestions:\n  - id: q\n    question: Why?\n    answer: Because.\n    points: [a reason, another one]\n');
    userDeck(dir, 'bad', 'title: Bad\nquestions:\n  - id: q\n    question: Why?\n');
    const io = captureIO(dir);
    expect(await lint([], io)).toBe(2);
    expect(io.stdout).toEqual([
      'decks/bad.yaml:3:5 questions[0]: missing "answer": add "answer:", your model answer',
      'decks/bad.yaml:3:5 warning: questions[0]: no key points: list under "points:" the few things the answer must hit (the drill shows them with the answer)',
      'decks/bad.yaml: 1 error, 1 warning',
      'decks/good.yaml: no problems',
    ]);
  });

  it('warnings alone exit 0', async () => {
    const { dir } = home();
    userDeck(dir, 'warn', 'title: W\nquestions:\n  - question: Why?\n    answer: Because.\n    points: [p, q]\n');
    const io = captureIO(dir);
    expect(await lint(['warn'], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('decks/warn.yaml: 1 warning');
  });

  it('takes deck names and file paths; a shipped deck by name; an unknown name is an error', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    expect(await lint(['coder', MANY, 'nope'], io)).toBe(2);
    expect(io.stdout[0]).toMatch(/decks\/coder\.yaml: no problems$/);
    expect(io.stdout.filter((l) => new RegExp(`^${MANY}:\\d+:\\d+ `).test(l))).toHaveLength(10);
    expect(io.stdout.at(-1)).toBe(`${MANY}: 3 errors, 7 warnings`);
    expect(io.stderr).toEqual([expect.stringMatching(/^prep: no deck named "nope"/)]);
  });

  it('only reads: the deck is left as it was', async () => {
    const { dir } = home();
    const text = 'title: T\nquestions:\n  - question: Why?\n    answer: Because.\n';
    userDeck(dir, 't', text);
    await lint(['t'], captureIO(dir));
    expect(readFileSync(join(dir, 'decks', 't.yaml'), 'utf8')).toBe(text);
  });
});
