import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/commands/user-error.js';
import { newDeck } from '../../src/commands/new.js';
import { lintDeckFile } from '../../src/core/deck/lint.js';
import { loadDeckFile } from '../../src/core/deck/load-deck.js';
import { useTempHome } from '../helpers/temp-home.js';
import { captureIO } from '../helpers/capture-io.js';

const home = useTempHome('prep-new-');

describe('prep new', () => {
  it('writes a commented starter deck that loads and lints clean, and says what to run next', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    expect(await newDeck('acme-backend', io)).toBe(0);
    const file = join(dir, 'decks', 'acme-backend.yaml');
    expect(io.stdout).toEqual([
      'Created decks/acme-backend.yaml',
      'Next: write your answers in it, check it with "prep lint acme-backend", then run: prep drill acme-backend',
    ]);
    const deck = loadDeckFile(file);
    expect(deck.title).toBe('Acme Backend interview');
    expect(deck.cards.map((c) => c.kind)).toEqual(['pitch', 'question', 'question', 'ask', 'ask']);
    expect(lintDeckFile(file)).toEqual([]);
  });

  it('points the schema line at the shipped schema file', async () => {
    const { dir } = home();
    await newDeck('acme', captureIO(dir));
    const first = readFileSync(join(dir, 'decks', 'acme.yaml'), 'utf8').split('\n')[0] ?? '';
    const m = /^# yaml-language-server: \$schema=(file:\/\/\S+)$/.exec(first);
    expect(m, first).not.toBeNull();
    expect(existsSync(fileURLToPath(m?.[1] ?? ''))).toBe(true);
    expect(fileURLToPath(m?.[1] ?? '')).toMatch(/schema\/deck\.schema\.json$/);
  });

  it('refuses to overwrite a deck, and leaves it as it was', async () => {
    const { dir } = home();
    mkdirSync(join(dir, 'decks'));
    writeFileSync(join(dir, 'decks', 'acme.yml'), 'title: mine\nask: [q]\n');
    await expect(newDeck('acme', captureIO(dir))).rejects.toThrow(/acme\.yml already exists: edit it, or pick another name/);
    expect(readFileSync(join(dir, 'decks', 'acme.yml'), 'utf8')).toBe('title: mine\nask: [q]\n');
    expect(existsSync(join(dir, 'decks', 'acme.yaml'))).toBe(false);
  });

  it.each(['../escape', 'a/b', '..', '.hidden', 'two words', ''])('refuses the unsafe name %j', async (name) => {
    const { dir } = home();
    const err = await newDeck(name, captureIO(dir)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/cannot be a deck name/);
    expect(existsSync(join(dir, 'decks'))).toBe(false);
  });

  it('accepts a name given with .yaml, and notes when it hides a shipped deck', async () => {
    const { dir } = home();
    const io = captureIO(dir);
    await newDeck('coder.yaml', io);
    expect(existsSync(join(dir, 'decks', 'coder.yaml'))).toBe(true);
    expect(io.stdout).toContain('It takes the place of the shipped deck "coder" (rename it to keep both).');
  });
});
