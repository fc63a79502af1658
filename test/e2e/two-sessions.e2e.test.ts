import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { logFile, putDeck } from '../helpers/e2e-home.js';
import { Pty } from '../helpers/pty.js';
import { PREP } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// Two prep processes drilling the same deck at once (two terminal tabs): each keeps its own
// session, both append to the one log, and no grade of either is lost or garbled.

const NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
const DECK = `title: Six cards\nquestions:\n${NAMES.map((n) => `  - id: ${n}\n    question: Question ${n}?\n    answer: Answer ${n}.\n`).join('')}`;

const home = useTempHome('prep-two-');
const ptys: Pty[] = [];
afterEach(async () => {
  for (const p of ptys.splice(0)) await p.dispose();
});

function start(): Pty {
  const p = new Pty(['node', PREP, 'drill', 'six'], { env: { ...process.env, PREP_HOME: home().dir } });
  ptys.push(p);
  return p;
}

/** Reveals the card on screen and grades it Easy; resolves when the next card or the summary is up. */
async function gradeEasy(p: Pty, card: string, next: string): Promise<void> {
  p.write(' ');
  await p.waitFor(`Answer ${card}.`);
  p.write('4');
  await p.waitFor(next);
}

describe('two sessions on the same deck at once', () => {
  it('keeps every grade of both, every line valid, and each session on its own consistent queue', async () => {
    putDeck(home().dir, 'six', DECK);
    const a = start();
    const b = start();
    await a.waitFor('Question alpha?');
    await b.waitFor('Question alpha?');

    // Interleaved: A, B, A, B... Neither sees the other's grades, so each walks the deck in order.
    for (let i = 0; i < 3; i++) {
      const card = NAMES[i]!;
      const next = `Question ${NAMES[i + 1]}?`;
      await gradeEasy(a, card, next);
      expect(await a.screen()).toMatch(new RegExp(`Question[\\s━─]+${5 - i} left`));
      await gradeEasy(b, card, next);
      expect(await b.screen()).toMatch(new RegExp(`Question[\\s━─]+${5 - i} left`));
    }
    // B goes one further on its own.
    await gradeEasy(b, 'delta', 'Question epsilon?');
    a.write('q');
    b.write('q');
    expect((await a.exited).code).toBe(0);
    expect((await b.exited).code).toBe(0);

    const lines = readFileSync(logFile(home().dir, 'six'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((l) => JSON.parse(l) as { id: string; type: string; card: string; grade: number });
    expect(records).toHaveLength(7);
    expect(new Set(records.map((r) => r.id)).size).toBe(7);
    expect(records.map((r) => r.card).sort()).toEqual(['alpha', 'alpha', 'beta', 'beta', 'delta', 'gamma', 'gamma']);
    expect(records.every((r) => r.type === 'grade' && r.grade === 4)).toBe(true);

    // A third session sees both: only epsilon and zeta are left.
    const c = start();
    const screen = await c.waitFor('Question epsilon?');
    expect(screen).toMatch(/Question[\s━─]+2 left/);
  });
});
