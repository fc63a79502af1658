import { describe, expect, it } from 'vitest';
import { gradeRecord, PLAIN_DECK, putDeck, putLog } from '../helpers/e2e-home.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { runCli } from '../helpers/run-cli.js';

const HOUR = 3_600_000;

describe('"Weakest" in stats is what prep weak drills', () => {
  const t = usePrepTerminal();

  it('with nothing weak, stats lists no weakest card and prep weak says there is none', async () => {
    putDeck(t.home, 'plain', PLAIN_DECK);
    putLog(t.home, 'plain', ['alpha', 'beta', 'gamma'].map((c) => gradeRecord('plain', c, 3, new Date(Date.now() - HOUR))));
    const stats = JSON.parse((await runCli(['stats', 'plain', '--json'], { env: t.env })).stdout) as { weakest: string[] };
    const weak = await runCli(['weak', 'plain'], { env: t.env });
    expect(weak.stdout).toMatch(/^No weak answers in Small deck/);
    expect(stats.weakest).toEqual([]);
  });

  it('with one forgotten card, both name that card alone', async () => {
    putDeck(t.home, 'plain', PLAIN_DECK);
    const at = new Date(Date.now() - HOUR);
    putLog(t.home, 'plain', [gradeRecord('plain', 'alpha', 3, at), gradeRecord('plain', 'beta', 1, at), gradeRecord('plain', 'gamma', 4, at)]);
    const stats = JSON.parse((await runCli(['stats', 'plain', '--json'], { env: t.env })).stdout) as { weakest: string[] };
    expect(stats.weakest).toEqual(['beta']);
    const pty = t.start(['weak', 'plain']);
    await pty.waitFor('Beta question?');
    // The header says what is left of the session: that one card.
    expect(await pty.screen()).toMatch(/\b1 left\b/);
    pty.write('\x03');
    await pty.exited;
  });
});
