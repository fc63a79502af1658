import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { claimPoints, clauses, countOf, shortClaim } from '../../../src/core/import/claims.js';
import { deriveBeats, derivePoints, sentences } from '../../../src/core/import/points.js';
import { oneLine } from '../../../src/core/import/text.js';
import * as old from './reference/points-old.js';

// Import's key points are made by claims.ts and points.ts; making them faster must not change a
// single point. Here the new code is compared with the old (reference/points-old.ts) over the
// README's and the fixtures' paragraphs, the shipped deck's answers and generated prose with
// every kind of white space, clause breaks, abbreviations and figures.

const root = new URL('../../../', import.meta.url).pathname;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

/** Blocks of text split at blank lines: paragraphs and lists of the README and the fixtures. */
function blocks(): string[] {
  const texts = [readFileSync(join(root, 'README.md'), 'utf8'), ...files(join(root, 'test/fixtures'), /\.(?:md|txt)$/)];
  return texts.flatMap((t) => t.split(/\n\s*\n/)).filter((b) => b.trim() !== '');
}

/** The texts of the shipped decks and the fixture decks: answers, points, pitch scripts. */
function deckTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  for (const text of [...files(join(root, 'decks'), /\.yaml$/), ...files(join(root, 'test/fixtures/decks'), /\.yaml$/)]) {
    try {
      walk(parse(text));
    } catch {
      // A fixture made to be unreadable has no texts to give.
    }
  }
  return out;
}

const VOCABULARY = (
  'we the a an really very just latency sandbox Kafka partitions 12 50 MB/s 1.5 p99 40% 3x 10k HTTP 429 factor ' +
  'e.g. i.e. etc. vs. Mr. Dr. approx. 120 ms. cut and but so then while which because until after before with ' +
  'when where Also First finally I We Plus: Short version: - — – ; , : . ! ? … "Quoted" (aside) ’quote’ ' +
  'deploy queue réseau Ünïcode 東京 ٣ isolation namespace scheduler retention'
).split(' ');
const SPACES = [' ', ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0007', ' \u0085', '\u180e', '\u200b'];

/** Prose from a seeded random walk over the vocabulary and every kind of white space. */
function generated(count: number): string[] {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  return Array.from({ length: count }, () => {
    const length = 3 + next(60);
    let text = '';
    for (let i = 0; i < length; i++) text += VOCABULARY[next(VOCABULARY.length)]! + (next(6) === 0 ? SPACES[next(SPACES.length)]! : ' ');
    return next(4) === 0 ? ` ${text}` : text;
  });
}

const TEXTS = [...blocks(), ...deckTexts(), ...generated(2000)];

describe('key points are what they were before their derivation was made faster', () => {
  it('the texts hold long claims, figures, abbreviations and white space other than spaces', () => {
    expect(TEXTS.length).toBeGreaterThan(2500);
    expect(TEXTS.filter((t) => old.oneLine(t).split(' ').length > 2 * old.MAX_CLAIM_WORDS).length).toBeGreaterThan(500);
    expect(TEXTS.filter((t) => /[\t\n\u00a0\u2028\u3000\ufeff]/.test(t)).length).toBeGreaterThan(500);
    expect(TEXTS.filter((t) => /\b(?:e\.g|vs|Dr)\. [A-Z]/.test(t)).length).toBeGreaterThan(50);
  });

  it('words are counted apart at exactly the characters \\s matches, for every UTF-16 code unit', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const t = ` a${String.fromCharCode(c)}b${String.fromCharCode(c)}`;
      if (countOf(t) !== t.split(/\s+/).filter(Boolean).length) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('oneLine, sentences, clauses and shortClaim, text by text', () => {
    for (const t of TEXTS) {
      expect(oneLine(t)).toBe(old.oneLine(t));
      expect(sentences(t)).toEqual(old.sentences(t));
      expect(clauses(t)).toEqual(old.clauses(t));
      expect(shortClaim(t)).toBe(old.shortClaim(t));
    }
  });

  it('derivePoints from paragraphs and from bullets, deriveBeats and claimPoints with other bounds', () => {
    for (let i = 0; i < TEXTS.length; i++) {
      const paragraphs = TEXTS.slice(i, i + 1 + (i % 3));
      const bullets = i % 2 === 0 ? paragraphs[0]!.split('\n') : [];
      expect(derivePoints(paragraphs, bullets)).toEqual(old.derivePoints(paragraphs, bullets));
      expect(derivePoints(paragraphs, [])).toEqual(old.derivePoints(paragraphs, []));
      expect(deriveBeats(TEXTS[i]!)).toEqual(old.deriveBeats(TEXTS[i]!));
      const s = i % 4 === 0 ? TEXTS[i]!.split('.') : old.sentences(TEXTS[i]!);
      const bounds = { min: 1 + (i % 5), max: 1 + (i % 7) };
      expect(claimPoints(s, bounds)).toEqual(old.claimPoints(s, bounds));
    }
  });
});
