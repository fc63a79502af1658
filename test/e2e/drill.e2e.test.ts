import { describe, expect, it } from 'vitest';
import type { Pty } from '../helpers/pty.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';

describe('prep drill in a real terminal', () => {
  const t = usePrepTerminal();
  let pty: Pty;

  it('drills three cards of the coder deck and stores every grade', async () => {
    pty = t.start(['drill', 'coder']);
    await pty.waitFor('Tell me about yourself.');
    expect(await pty.screen()).toMatch(/Pitch[\s━─]+9 left/);

    // The pitch card is timed: space starts its clock, space again stops it and reveals.
    pty.write(' ');
    await pty.waitFor('━');
    pty.write(' ');
    await pty.waitFor('Beats');
    // A sub-second attempt joins the pitch history only when enter asks for it.
    await pty.waitFor('left out of your pitch history unless you press enter');
    pty.write('\r');
    await pty.waitFor('goes into your pitch history with the grade');
    pty.write('3');
    await pty.waitFor("design a sandboxed environment");

    pty.write('\r');
    await pty.waitFor('Key points');
    pty.write('4');
    await pty.waitFor('multiple AI agent frameworks');

    pty.write(' ');
    await pty.waitFor('Key points');
    pty.write('1');
    await pty.waitFor("You don't know Go");

    pty.write('q');
    const screen = await pty.waitFor('Reviewed 3 cards');
    expect(screen).toContain('Again: 1');
    const { code } = await pty.exited;
    expect(code).toBe(0);

    const log = t.log('coder');
    expect(log.filter((r) => r.type === 'grade').map((r) => [r.card, r.grade])).toEqual([
      ['pitch', 3],
      ['sandbox-design', 4],
      ['many-agent-frameworks', 1],
    ]);
    // The timed pitch joined the pitch history, right after its grade.
    expect(log[1]).toMatchObject({ type: 'pitch', deck: 'coder', beats: [], beatsTotal: 5 });
    // Ink restored the terminal: the cursor is shown again on exit.
    expect(pty.raw).toContain('\x1b[?25h');
  });

  it('picks up where it stopped: a second run continues after the card already graded', async () => {
    const env = { ...t.env };
    pty = t.start(['drill', 'coder'], { env });
    await pty.waitFor('Tell me about yourself.');
    pty.write(' ');
    await pty.waitFor('━');
    pty.write(' ');
    await pty.waitFor('Beats');
    pty.write('1');
    await pty.waitFor('design a sandboxed environment');
    pty.write('\x03');
    await pty.exited;
    await pty.dispose();

    // The pitch, graded Again, is on a one-minute step: new cards come first, so the second run
    // opens on the next question, and the session still counts all 9 cards.
    pty = t.start(['drill', 'coder'], { env });
    const screen = await pty.waitFor('design a sandboxed environment');
    expect(screen).toMatch(/Question[\s━─]+9 left/);
  });
});
