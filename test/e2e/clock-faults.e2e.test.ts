import { describe, expect, it } from 'vitest';
import { gradeRecord, PLAIN_DECK, putDeck, putLog } from '../helpers/e2e-home.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { runCli } from '../helpers/run-cli.js';

const HOUR = 3_600_000;

describe('clock faults in a log', () => {
  const t = usePrepTerminal();

  it('a record dated 2 days ahead is skipped, named with its date', async () => {
    putDeck(t.home, 'plain', PLAIN_DECK);
    putLog(t.home, 'plain', [gradeRecord('plain', 'alpha', 3, new Date(Date.now() + 48 * HOUR))]);
    const r = await runCli(['stats', 'plain', '--json'], { env: t.env });
    expect(JSON.parse(r.stdout).reviews.total).toBe(0);
    expect(r.stderr).toMatch(/plain\.jsonl:1: skipped a line: grade record dated "[^"]+", outside 2000 to tomorrow \(a clock set wrong\?\)/);
  });

  it('a record dated 11 days ahead is still skipped and named after a drill has run: no snapshot takes it in', async () => {
    putDeck(t.home, 'plain', PLAIN_DECK);
    putLog(t.home, 'plain', [gradeRecord('plain', 'gamma', 3, new Date(Date.now() - HOUR)), gradeRecord('plain', 'alpha', 3, new Date(Date.now() + 11 * 24 * HOUR))]);
    const pty = t.start(['drill', 'plain']);
    // Gamma's learning step is due first.
    await pty.waitFor('Gamma question?');
    expect(pty.raw).toMatch(/plain\.jsonl:2: skipped a line: grade record dated/);
    pty.write('q');
    expect((await pty.exited).code).toBe(0);
    // The drill saved what it could (the snapshot, the stats' counts); the line is still read, and named.
    const r = await runCli(['stats', 'plain', '--json'], { env: t.env });
    expect(JSON.parse(r.stdout).reviews.total).toBe(1);
    expect(r.stderr).toMatch(/plain\.jsonl:2: skipped a line: grade record dated "[^"]+", outside 2000 to tomorrow/);
  });

  it('a record dated +275760-09-13 is skipped with a warning; stats --json still answers', async () => {
    putDeck(t.home, 'plain', PLAIN_DECK);
    const far = { ...gradeRecord('plain', 'alpha', 3, new Date()), at: '+275760-09-13T00:00:00.000Z' };
    const one = { ...gradeRecord('plain', 'beta', 3, new Date()), at: '1' };
    putLog(t.home, 'plain', [gradeRecord('plain', 'gamma', 3, new Date(Date.now() - HOUR)), far, one]);
    const r = await runCli(['stats', 'plain', '--json'], { env: t.env });
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as { reviews: { total: number } };
    expect(stats.reviews.total).toBe(1);
    expect(r.stderr).toMatch(/plain\.jsonl:2: skipped a line: malformed grade record \(at: invalid value\)/);
    expect(r.stderr).toMatch(/plain\.jsonl:3: skipped a line: malformed grade record \(at: invalid value\)/);
  });

  it('a card graded with the clock running fast is scheduled from now, and the drill says why in one line', async () => {
    putDeck(t.home, 'plain', PLAIN_DECK);
    // Graded "Again" 20 hours in the future: a one-minute learning step that would read "due tomorrow".
    putLog(t.home, 'plain', [gradeRecord('plain', 'alpha', 1, new Date(Date.now() + 20 * HOUR))]);
    const r = await runCli(['stats', 'plain', '--json'], { env: t.env });
    const alpha = (JSON.parse(r.stdout) as { cards: { id: string; due: string }[] }).cards.find((c) => c.id === 'alpha')!;
    expect(Date.parse(alpha.due) - Date.now()).toBeLessThan(HOUR);

    const pty = t.start(['drill', 'plain']);
    // New cards come first; alpha's step of a minute starts now.
    await pty.waitFor('Beta question?');
    expect(pty.raw).toContain('1 card was graded at a time later than now (was the clock fast?); it is scheduled from now');
    pty.write('\x03');
    await pty.exited;
  });
});
