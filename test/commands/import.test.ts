import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/commands/user-error.js';
import { importDeck } from '../../src/commands/import.js';
import { lintDeckFile } from '../../src/core/deck/lint.js';
import { loadDeckFile } from '../../src/core/deck/load-deck.js';
import { formatProblem } from '../../src/core/deck/types.js';
import { useTempHome } from '../helpers/temp-home.js';
import { captureIO } from '../helpers/capture-io.js';

const home = useTempHome('prep-import-');
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const CODER_MD = fileURLToPath(new URL('../../../shared/prep-sheets/coder.md', import.meta.url));

describe('prep import', () => {
  it.skipIf(!existsSync(CODER_MD))('imports the coder prep sheet into the decks folder: 5 questions, the pitch, 1 ask card, no lint errors (needs ../shared)', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    expect(await importDeck(CODER_MD, {}, io)).toBe(0);
    const file = join(dir, 'decks', 'coder.yaml');
    const deck = loadDeckFile(file);
    expect(deck.cards.map((c) => c.kind)).toEqual(['pitch', 'question', 'question', 'question', 'question', 'question', 'ask']);
    for (const card of deck.cards.filter((c) => c.kind === 'question')) {
      expect(card.answer.length).toBeGreaterThan(100);
      expect(card.points.length).toBeGreaterThan(0);
    }
    expect(deck.cards[0]?.seconds).toBe(30);
    // The sheet's "30-second" pitch is 110 words, about 44 s at 150 words a minute: lint says so, and nothing else.
    expect(lintDeckFile(file).map(formatProblem)).toEqual([
      `${file}:10:3 warning: pitch.script: cannot fit its 30 s target: 110 words take about 44 s at 150 words a minute; cut about 35 words or raise "seconds"`,
    ]);
    expect(io.stdout).toContain('Wrote 5 questions (30 points), pitch (6 beats), 1 ask to decks/coder.yaml');
    expect(io.stdout).toContain('skipped: "Cover Letter" (line 10): not a questions, pitch or ask section');
    expect(io.stdout.at(-1)).toBe('Next: prep drill coder');
  });

  it('reports what it took and skipped, then writes <name>.yaml named after the file', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    await importDeck(join(FIXTURES, 'bullets.md'), {}, io);
    expect(io.stdout.slice(0, 3)).toEqual([
      `Read ${join(FIXTURES, 'bullets.md')} as a Markdown prep sheet.`,
      'took: title (line 1): Acme — Backend Engineer',
      'took: question (line 7): Why Acme? — answer and 3 key points',
    ]);
    expect(io.stdout).toContain('skipped: "Salary Notes" (line 40): not a questions, pitch or ask section');
    expect(io.stdout).toContain('Wrote 3 questions (10 points), pitch (2 beats), 3 asks to decks/bullets.yaml');
    expect(lintDeckFile(join(dir, 'decks', 'bullets.yaml'))).toEqual([]);
  });

  it('an unseen prep sheet: points per claim, figures kept, the pitch in beats, and the counts said', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    expect(await importDeck(join(FIXTURES, 'unseen-streaming.md'), {}, io)).toBe(0);
    expect(io.stdout).toContain('Wrote 7 questions (30 points), pitch (6 beats), 3 asks to decks/unseen-streaming.yaml');
    const deck = loadDeckFile(join(dir, 'decks', 'unseen-streaming.yaml'));
    const sizing = deck.cards.find((c) => c.prompt.startsWith('How would you size'));
    for (const figure of ['50 MB/s', '12 partitions', 'replication factor 3', '40% headroom']) {
      expect(sizing?.points.some((p) => p.includes(figure))).toBe(true);
    }
    for (const card of deck.cards.filter((c) => c.kind === 'question')) {
      expect(card.points.length).toBeGreaterThanOrEqual(2);
      expect(card.points.length).toBeLessThanOrEqual(6);
      for (const p of card.points) expect(p.split(/\s+/).length).toBeLessThanOrEqual(12);
    }
    // The bulleted answer: the bullets are its points, and the answer is their prose.
    const retry = deck.cards.find((c) => c.prompt === 'How do you make consumers safe to retry?');
    expect(retry?.points).toEqual(['Every event carries an idempotency key', 'The sink upserts on that key instead of appending', 'Offsets are committed only after the write succeeds']);
    expect(retry?.answer).toBe('Every event carries an idempotency key. The sink upserts on that key instead of appending. Offsets are committed only after the write succeeds.');
    expect(deck.cards[0]?.points.length).toBeGreaterThanOrEqual(3);
  });

  it('--name sets the deck name; an Anki export becomes a deck too', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    await importDeck(join(FIXTURES, 'anki-tab.txt'), { name: 'acme-cards' }, io);
    expect(io.stdout[0]).toMatch(/as an Anki plain-text export\.$/);
    const deck = loadDeckFile(join(dir, 'decks', 'acme-cards.yaml'));
    expect(deck.title).toBe('Acme');
    expect(deck.cards).toHaveLength(4);
    expect(io.stdout.at(-1)).toBe('Next: prep drill acme-cards');
  });

  it('--out writes exactly there, relative to the working folder, and nothing in the decks folder', async () => {
    const { dir } = home();
    const work = join(dir, 'work');
    mkdirSync(work);
    const io = captureIO(dir, work);
    await importDeck(join(FIXTURES, 'anki-comma.txt'), { out: 'interview.yaml' }, io);
    expect(loadDeckFile(join(work, 'interview.yaml')).title).toBe('Interview');
    expect(existsSync(join(dir, 'decks'))).toBe(false);
    expect(io.stdout.at(-1)).toBe('Next: prep drill ./interview.yaml');
  });

  it('never overwrites without --force; with it, replaces the file', async () => {
    const { dir } = home();
    mkdirSync(join(dir, 'decks'));
    const file = join(dir, 'decks', 'bullets.yaml');
    writeFileSync(file, 'title: mine\nask: [q]\n');
    const err = await importDeck(join(FIXTURES, 'bullets.md'), {}, captureIO(dir)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe('decks/bullets.yaml already exists: use --force to replace it, or --name/--out to write elsewhere. Nothing was written.');
    expect(readFileSync(file, 'utf8')).toBe('title: mine\nask: [q]\n');

    expect(await importDeck(join(FIXTURES, 'bullets.md'), { force: true }, captureIO(dir))).toBe(0);
    expect(loadDeckFile(file).title).toBe('Acme — Backend Engineer');
  });

  it('refuses a deck name that could leave the decks folder', async () => {
    const { dir } = home();
    await expect(importDeck(join(FIXTURES, 'bullets.md'), { name: '../../etc/x' }, captureIO(dir))).rejects.toThrow(/cannot be a deck name/);
    expect(existsSync(join(dir, 'decks'))).toBe(false);
  });

  it('a file with nothing to import writes nothing and says what it looked for', async () => {
    const { dir } = home();
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# Notes\n\nNothing useful.\n');
    await expect(importDeck(notes, {}, captureIO(dir))).rejects.toThrow(/found nothing to import in .*notes\.md: expected a "Likely Questions" section/);
    expect(existsSync(join(dir, 'decks'))).toBe(false);
  });

  // An Anki export of 1,500 long notes, over 1 MB: few notes, so the check stays quick (the
  // first pass over a big file only counts them).
  const filler = 'word '.repeat(140).trim();
  const bigExport = (dir: string): string => {
    const notes = Array.from({ length: 1500 }, (_, i) => `What does step ${i} do?\t${filler} ${i}.`);
    const file = join(dir, 'big.txt');
    writeFileSync(file, `#separator:tab\n#html:false\n${notes.join('\n')}\n`);
    expect(readFileSync(file).length).toBeGreaterThan(1024 * 1024);
    return file;
  };

  it('a file over 1 MB whose deck fits is counted, then written: the deck holds every note the report took', async () => {
    const { dir } = home();
    const file = bigExport(dir);
    const io = captureIO(dir);
    expect(await importDeck(file, {}, io)).toBe(0);
    expect(io.stdout.filter((l) => l.startsWith('took: note'))).toHaveLength(1500);
    const deck = loadDeckFile(join(dir, 'decks', 'big.yaml'));
    expect(deck.cards).toHaveLength(1500);
    expect(deck.cards.at(-1)).toMatchObject({ prompt: 'What does step 1499 do?', answer: `${filler} 1499.` });
    expect(io.stdout.some((l) => l.startsWith('Wrote 1500 questions ('))).toBe(true);
    // 1.1 MB counted and then imported: over the 20 s default when 2 cores run ten jobs.
  }, 90_000);

  it('a big file is read from disk once: the deck holds the notes counted, though the file is emptied after the count', async () => {
    const { dir } = home();
    const file = bigExport(dir);
    const io = captureIO(dir);
    // "Read ... as" is told between the count and the writing read: the file changes right there.
    const out = io.out;
    io.out = (line) => {
      if (line.startsWith('Read ')) writeFileSync(file, '#separator:tab\n#html:false\n');
      out(line);
    };
    expect(await importDeck(file, {}, io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('#separator:tab\n#html:false\n');
    expect(io.stdout.filter((l) => l.startsWith('took: note'))).toHaveLength(1500);
    expect(loadDeckFile(join(dir, 'decks', 'big.yaml')).cards).toHaveLength(1500);
  }, 90_000);

  it('odd text in an Anki export (quotes, colons, #, markers, unicode, long and multi-line answers) comes back exactly from the written deck', async () => {
    const { dir } = home();
    const long = `${'very long line '.repeat(700).trim()}.`;
    const notes: [string, string][] = [
      ['What does it\'s "x: y" # z mean?', 'A colon: then # a hash and "quotes" and \'single\' ones'],
      ['- Is a dash a list?', '--- no, and ... neither: key: value'],
      ['Ünïcödé — 日本語 😀?', 'Ünïcödé answer — עברית 😀'],
      ['How long can a line be?', long],
      ['Two paragraphs?', 'First: one.\n\n  # Second, indented: two.'],
      ['@ * & ! % | > [ { ?', 'null'],
    ];
    const field = (t: string) => (t.includes('\n') || t.includes('"') ? `"${t.replace(/"/g, '""')}"` : t);
    const file = join(dir, 'odd.txt');
    writeFileSync(file, `#separator:tab\n#html:false\n${notes.map(([q, a]) => `${field(q)}\t${field(a)}`).join('\n')}\n`);
    const io = captureIO(dir);
    expect(await importDeck(file, {}, io)).toBe(0);
    const deck = loadDeckFile(join(dir, 'decks', 'odd.yaml'));
    expect(deck.cards.map((c) => [c.prompt, c.answer])).toEqual(notes.map(([q, a]) => [q, a.replace('\n\n  # ', '\n\n# ')]));
    expect(lintDeckFile(join(dir, 'decks', 'odd.yaml')).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('an Anki export saved with Windows line ends reports each note at its real line', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    const file = join(dir, 'windows.txt');
    // Lines 1-3 the header, 4-6 a note whose back is a quoted list over three lines, 7 a note, 8 an empty back.
    const lines = ['#separator:tab', '#html:false', '#columns:Front\tBack', 'Name three verbs\t"GET', 'POST', 'DELETE"', 'What is CAP?\tPick two.', 'An empty back\t'];
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    expect(await importDeck(file, {}, io)).toBe(0);
    expect(io.stdout.filter((l) => /^(took|skipped):/.test(l))).toEqual([
      'took: note (line 6): Name three verbs',
      'took: note (line 7): What is CAP?',
      'skipped: line 8: "An empty back" has an empty back',
    ]);
  });

  it('a NUL byte in an Anki field is left out with one warning line naming the file, line and column', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    writeFileSync(join(dir, 'nul.txt'), '#separator:tab\n#html:false\nWhat is a\u0000 mutex?\tA lock held by one\u0000 thread.\nWhy?\tBecause.\n');
    expect(await importDeck('nul.txt', {}, io)).toBe(0);
    expect(io.stdout.filter((l) => l.includes('warning') && !l.includes('points'))).toEqual([
      'nul.txt:3:10 warning: a NUL byte here is left out of the deck, as no card can show it, and 1 more after it',
    ]);
    const deck = loadDeckFile(join(dir, 'decks', 'nul.yaml'));
    expect(deck.cards.map((c) => [c.prompt, c.answer])).toEqual([
      ['What is a mutex?', 'A lock held by one thread.'],
      ['Why?', 'Because.'],
    ]);
    // A file without one gets no such line.
    const clean = captureIO(dir);
    writeFileSync(join(dir, 'clean.txt'), '#separator:tab\nWhy?\tBecause.\n');
    expect(await importDeck('clean.txt', {}, clean)).toBe(0);
    expect(clean.stdout.join('\n')).not.toContain('left out');
  });

  it('a missing file is a plain error', async () => {
    const { dir } = home();
    await expect(importDeck('missing.md', {}, captureIO(dir))).rejects.toThrow('missing.md: cannot read the file: there is no such file');
  });
});
