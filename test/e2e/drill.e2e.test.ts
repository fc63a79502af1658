import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pty } from '../helpers/pty.js';

// Runs the built bundle (npm test builds it first) in a real pseudo-terminal, as a person would.
const PREP = fileURLToPath(new URL('../../dist/prep.js', import.meta.url));

describe('prep drill in a real terminal', () => {
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

  it('drills three cards of the coder deck and stores every grade', async () => {
    pty = new Pty(['node', PREP, 'drill', 'coder'], { env: { ...process.env, PREP_HOME: home } });
    await pty.waitFor('Tell me about yourself.');
    expect(await pty.screen()).toMatch(/Pitch\s+1\/9/);

    // The pitch card is timed: space starts its clock, space again stops it and reveals.
    pty.write(' ');
    await pty.waitFor('━');
    pty.write(' ');
    await pty.waitFor('Beats');
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

    const log = readFileSync(join(home, 'logs', 'coder.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
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
    const env = { ...process.env, PREP_HOME: home };
    pty = new Pty(['node', PREP, 'drill', 'coder'], { env });
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
    pty = new Pty(['node', PREP, 'drill', 'coder'], { env });
    const screen = await pty.waitFor('design a sandboxed environment');
    expect(screen).toMatch(/Question\s+1\/9/);
  });
});
