// Synthetic decks and histories for the benchmarks: a deck of N question cards, and a review
// log of R grades spread over the past year, in the formats prep reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Small seeded PRNG (mulberry32), so every run generates the same data. The same as core's
 * `mulberry32` (src/core/session/mock-draw.ts), written out here because `npm test` imports this
 * file as plain JavaScript, with no build of the core to import from.
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'sandbox agent isolation network policy overlay filesystem trace span latency adapter framework interface release upstream breaking change container namespace microvm scheduler retention memory review'.split(' ');

function sentence(rand, n) {
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
}

/** Writes `<home>/decks/<name>.yaml` with `cards` questions (about 1 KB each, like a real answer: 10,000 cards are about 10 MB). */
export function writeDeck(home, name, cards, seed = 1) {
  const rand = prng(seed);
  const lines = [`title: Generated deck of ${cards} cards`, 'questions:'];
  for (let i = 0; i < cards; i++) {
    lines.push(`  - id: card-${i}`);
    lines.push(`    question: "Question ${i}: ${sentence(rand, 10)}?"`);
    lines.push(`    answer: >`);
    for (let k = 0; k < 5; k++) lines.push(`      ${sentence(rand, 14)}`);
    lines.push('    points:');
    for (let k = 0; k < 4; k++) lines.push(`      - ${sentence(rand, 6)}`);
    lines.push(`    tags: [${WORDS[i % WORDS.length]}]`);
    lines.push('    seconds: 60');
  }
  mkdirSync(join(home, 'decks'), { recursive: true });
  writeFileSync(join(home, 'decks', `${name}.yaml`), `${lines.join('\n')}\n`);
}

/** Writes `<home>/logs/<name>.jsonl` with `reviews` grades over the year before `now`. */
export function writeLog(home, name, cards, reviews, now = Date.now(), seed = 2) {
  const rand = prng(seed);
  const start = now - 365 * 86400_000;
  const step = (now - 3600_000 - start) / reviews;
  const out = [];
  for (let i = 0; i < reviews; i++) {
    const grade = rand() < 0.1 ? 1 : rand() < 0.2 ? 2 : rand() < 0.9 ? 3 : 4;
    const at = new Date(start + i * step).toISOString();
    out.push(JSON.stringify({ v: 1, type: 'grade', id: `b${i.toString(16)}`, deck: name, card: `card-${Math.floor(rand() * cards)}`, grade, at, ms: Math.floor(5000 + rand() * 60000) }));
  }
  mkdirSync(join(home, 'logs'), { recursive: true });
  writeFileSync(join(home, 'logs', `${name}.jsonl`), `${out.join('\n')}\n`);
}
