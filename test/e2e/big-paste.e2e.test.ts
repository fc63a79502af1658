import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAIN_DECK, putDeck } from '../helpers/e2e-home.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';

/** CPU time (clock ticks) the process has used so far. */
const cpuTicks = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).map(Number).reduce((a, b) => a + b);

/**
 * Waits until the process has read the whole paste and gone idle: an enter typed while the paste
 * is still queued would arrive inside a paste chunk, as text, exactly as in a terminal.
 */
async function settled(pid: number): Promise<void> {
  let last = -1;
  for (;;) {
    const now = cpuTicks(pid);
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 400));
  }
}

describe('a huge paste into the answer field', () => {
  const t = usePrepTerminal();

  it('1 MB pasted is cut to 4,000 characters, said so on screen, and enter still reveals and grades', async () => {
    putDeck(t.home, 'paste', PLAIN_DECK);
    const pty = t.start(['drill', 'paste', '--type'], { rows: 40 });
    await pty.waitFor('Your answer:');
    pty.write('Alpha point one '.repeat(65_536));
    await pty.waitFor('cut at 4,000 characters: the rest was not kept', 30_000);
    await settled(pty.pid()!);
    pty.write('\r');
    // The typed answer fills the screen: the suggested grade below it is scrolled out of view, its key is not.
    await pty.waitFor('accept suggested grade', 30_000);
    pty.write('\r');
    await pty.waitFor('Beta question?');
    pty.write('\x03');
    await pty.waitFor('Reviewed 1 card');
    expect((await pty.exited).code).toBe(0);
    const typed = t.log('paste').find((r) => r.type === 'grade')?.typed as string;
    expect(typed.length).toBeLessThanOrEqual(4000);
    expect(typed.startsWith('Alpha point one Alpha point one')).toBe(true);
  });
});
