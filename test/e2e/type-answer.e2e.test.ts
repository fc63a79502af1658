import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pty } from '../helpers/pty.js';

// Runs the built bundle (npm test builds it first) in a real pseudo-terminal, as a person would.
const PREP = fileURLToPath(new URL('../../dist/prep.js', import.meta.url));

const TYPED = 'One containment layer per threat, and a gated sync where changes leave after approval.';

describe('prep drill --type in a real terminal', () => {
  let home: string;
  let pty: Pty | undefined;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'prep-e2e-'));
  });
  afterEach(async () => {
    await pty?.dispose();
    pty = undefined;
    rmSync(home, { recursive: true, force: true });
  });

  it('types an answer, sees the key points it covered, accepts the suggested grade', async () => {
    // Tall enough that the whole revealed card fits on the screen.
    pty = new Pty(['node', PREP, 'drill', 'coder', '--type'], { env: { ...process.env, PREP_HOME: home }, rows: 50 });
    await pty.waitFor('Tell me about yourself.');
    // The pitch keeps its timer: no answer field there.
    expect(await pty.screen()).not.toContain('Your answer:');
    pty.write(' ');
    await pty.waitFor('━');
    pty.write(' ');
    await pty.waitFor('Beats');
    pty.write('3');

    // The next question opens with the answer field, by itself.
    await pty.waitFor('design a sandboxed environment');
    await pty.waitFor('Your answer:');
    pty.write(TYPED);
    await pty.waitFor('gated sync where changes');
    pty.write('\r');
    const screen = await pty.waitFor('Key points: 2/5 covered');
    expect(screen).toMatch(/✓ One containment layer per threat/);
    expect(screen).toMatch(/✓ Gated sync: changes leave only after approval/);
    expect(screen).toMatch(/✗ VM boundary/);
    expect(screen).toContain('You wrote: One containment layer per threat');
    expect(screen).toContain('Suggested grade: 1 Again');

    // Enter accepts the suggestion; the next card opens typing again, and ctrl+c quits from it.
    pty.write('\r');
    await pty.waitFor('multiple AI agent frameworks');
    await pty.waitFor('Your answer:');
    pty.write('\x03');
    await pty.waitFor('Reviewed 2 cards');
    const { code } = await pty.exited;
    expect(code).toBe(0);

    const log = readFileSync(join(home, 'logs', 'coder.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const grades = log.filter((r) => r.type === 'grade');
    expect(grades.map((r) => [r.card, r.grade, r.typed])).toEqual([
      ['pitch', 3, undefined],
      ['sandbox-design', 1, TYPED],
    ]);
  });
});
