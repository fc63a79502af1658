import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';

// Import refuses what the loader would refuse, in one line with exit 2, and writes nothing.
describe('prep import and the deck size limit', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'prep-imp-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));
  const env = () => ({ ...process.env, PREP_HOME: home });

  it('an Anki export whose deck would be over 16 MB is refused, and no deck is written', async () => {
    const notes = Array.from({ length: 90_000 }, (_, i) => `Front ${i} what is the thing?\tBack ${i} the answer is a long sentence; it has a few clauses and some words, more words. Another one.`);
    const file = path.join(home, 'anki.txt');
    fs.writeFileSync(file, `#separator:tab\n#html:false\n${notes.join('\n')}\n`);
    const r = await runCli(['import', file], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/the deck would be at least \d+\.\d MB, over the 16\.0 MB a deck may hold.*Nothing was written\./);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    // Told only why: ninety thousand "took:" lines for a deck never written would bury the reason.
    expect(r.stdout).toContain('as an Anki plain-text export.');
    expect(r.stdout).not.toContain('took:');
    expect(fs.existsSync(path.join(home, 'decks'))).toBe(false);
  });

  it('a Markdown prep sheet whose deck would be over 16 MB is refused, and no deck is written', async () => {
    const block = (i: number) => `**${i}. How would you design the sandbox number ${i}?**\n\nWith a microVM per agent, a network policy per task and an overlay filesystem. We cut latency by ${i % 90}%.\n\nThen trace every span and release the adapter upstream.\n\n`;
    const parts = ['# Acme — Backend Engineer\n\n## Likely Questions\n\n'];
    for (let i = 1, size = 0; size < 10 * 1024 * 1024; i++) size += parts[parts.push(block(i)) - 1]!.length;
    const file = path.join(home, 'sheet.md');
    fs.writeFileSync(file, parts.join(''));
    const r = await runCli(['import', file], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^prep: cannot import \S+sheet\.md: the deck would be at least \d+\.\d MB, over the 16\.0 MB a deck may hold.*Nothing was written\.\n$/);
    expect(r.stdout).toContain('as a Markdown prep sheet.');
    expect(r.stdout).not.toContain('took:');
    expect(fs.existsSync(path.join(home, 'decks'))).toBe(false);
  });
});
