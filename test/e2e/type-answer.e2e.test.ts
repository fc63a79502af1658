import { describe, expect, it } from 'vitest';
import type { Pty } from '../helpers/pty.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';

const TYPED = 'One containment layer per threat, and a gated sync where changes leave after approval.';

describe('prep drill --type in a real terminal', () => {
  const t = usePrepTerminal();
  let pty: Pty;

  it('types an answer, sees the key points it covered, accepts the suggested grade', async () => {
    // Tall enough that the whole revealed card fits on the screen.
    pty = t.start(['drill', 'coder', '--type'], { rows: 50 });
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
    const screen = await pty.waitFor('Key points: 2/6 covered');
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

    const log = t.log('coder');
    const grades = log.filter((r) => r.type === 'grade');
    expect(grades.map((r) => [r.card, r.grade, r.typed])).toEqual([
      ['pitch', 3, undefined],
      ['sandbox-design', 1, TYPED],
    ]);
  });
});
