import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeckFile } from '../../../src/core/deck/open-deck-file.js';
import { useTempHome } from '../../helpers/temp-home.js';

// A cache entry is trusted only when it is exactly what prep wrote: its format line, its
// checksum, its index. Anything else is a miss, and the deck is read from its file again.

const temp = useTempHome('prep-deck-cache-');
const DECK = 'title: Cached\nquestions:\n  - id: one\n    question: What is it?\n    answer: The real answer.\n';

/** A deck file opened once through the cache, and the entry that wrote. */
async function cached() {
  const dir = temp().dir;
  const file = join(dir, 'deck.yaml');
  const cacheDir = join(dir, 'cache');
  writeFileSync(file, DECK);
  await openDeckFile(file, { cacheDir, salt: 't' });
  const [name] = readdirSync(join(cacheDir, 'decks'));
  const entry = join(cacheDir, 'decks', name!);
  const open = () => openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true });
  return { entry, open, text: readFileSync(entry, 'latin1') };
}

const sha = (body: string) => createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex');

/** The body of a good entry (index line and texts), and the same with its answer changed. */
function forged(text: string): string {
  return text.slice(text.indexOf('\n') + 1).replace('The real answer.', 'A forged answer');
}

describe('the deck cache', () => {
  it('serves a good entry as it was written: an entry with a right checksum is used', async () => {
    const { entry, open } = await cached();
    // Proof that the cache answers: a forged entry written in the right format is believed.
    const body = forged(readFileSync(entry, 'utf8'));
    writeFileSync(entry, `prep-deck-cache 2 ${sha(body)}\n${body}`);
    expect((await open()).cards[0]!.answer).toBe('A forged answer');
  });

  it('does not trust an entry of another format version, even with a right checksum', async () => {
    const { entry, open } = await cached();
    const body = forged(readFileSync(entry, 'utf8'));
    writeFileSync(entry, `prep-deck-cache 1 ${sha(body)}\n${body}`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
  });

  it('does not trust an entry whose format line does not end where it should', async () => {
    const { entry, open } = await cached();
    const body = forged(readFileSync(entry, 'utf8'));
    writeFileSync(entry, `prep-deck-cache 2 ${sha(body)} ${body}`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    // Only the format line and no body at all.
    writeFileSync(entry, `prep-deck-cache 2 ${sha('')}`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    writeFileSync(entry, `prep-deck-cache 2 ${sha('')}\n`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
  });

  it('does not trust an entry whose index is not a deck, even with a right checksum', async () => {
    const { entry, open } = await cached();
    for (const body of ['not json at all\n', '{}\n', '{"deck":{"title":7},"cards":[]}\n', '{"deck":{"title":"T"},"cards":{}}\n', 'null\n', 'no newline']) {
      writeFileSync(entry, `prep-deck-cache 2 ${sha(body)}\n${body}`);
      const deck = await open();
      expect(deck.title).toBe('Cached');
      expect(deck.cards.map((c) => c.answer)).toEqual(['The real answer.']);
    }
  });

  it('reads the deck from its file when the entry is a folder or a FIFO, without hanging', async () => {
    const { entry, open } = await cached();
    rmSync(entry);
    mkdirSync(entry);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    rmSync(entry, { recursive: true });
    // mkfifo is in coreutils; a FIFO opened for reading would wait forever for a writer.
    expect(spawnSync('mkfifo', [entry]).status).toBe(0);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
  });
});
