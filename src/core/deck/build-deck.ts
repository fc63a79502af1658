import type { DeckPath } from './finding.js';
import { DEFAULT_PITCH_PROMPT, DEFAULT_PITCH_SECONDS, type DeckData } from './schema.js';
import { slugify } from './slug.js';
import type { Card, Deck } from './types.js';
import { placeOf, type YamlSource } from './yaml-source.js';

/** The prompt an ask card shows before its question is revealed. */
export const ASK_PROMPT = 'What will you ask them?';

/**
 * Turns validated deck data into a Deck: pitch first, then questions in file order, then the
 * questions to ask. Call only once the deck has no errors, so every id is set and unique.
 */
export function buildDeck(data: DeckData, src: YamlSource, where: { name: string; path: string }): Deck {
  const lineOf = (path: DeckPath): number => placeOf(src, path).line;
  const cards: Card[] = [];
  if (data.pitch) {
    const p = data.pitch;
    cards.push({
      id: 'pitch',
      kind: 'pitch',
      prompt: p.prompt ?? DEFAULT_PITCH_PROMPT,
      answer: p.script,
      points: p.points ?? [],
      tags: [],
      seconds: p.seconds ?? DEFAULT_PITCH_SECONDS,
      line: lineOf(['pitch']),
    });
  }
  data.questions?.forEach((q, i) => {
    const points = q.points ?? [];
    const matches = points.map((p) => (typeof p === 'string' ? [] : (p.match ?? [])));
    cards.push({
      id: q.id ?? slugify(q.question),
      kind: 'question',
      prompt: q.question,
      answer: q.answer,
      points: points.map((p) => (typeof p === 'string' ? p : p.text)),
      ...(matches.some((m) => m.length > 0) ? { matches } : {}),
      tags: q.tags ?? [],
      ...(q.seconds === undefined ? {} : { seconds: q.seconds }),
      line: lineOf(['questions', i]),
    });
  });
  data.ask?.forEach((a, i) => {
    const item = typeof a === 'string' ? { question: a } : a;
    cards.push({
      id: item.id ?? slugify(item.question),
      kind: 'ask',
      prompt: ASK_PROMPT,
      answer: item.question,
      points: [],
      tags: [],
      ...(item.why === undefined ? {} : { why: item.why }),
      line: lineOf(['ask', i]),
    });
  });
  return {
    name: where.name,
    path: where.path,
    title: data.title,
    ...(data.company === undefined ? {} : { company: data.company }),
    ...(data.role === undefined ? {} : { role: data.role }),
    ...(data.interview === undefined ? {} : { interview: data.interview }),
    ...(data.aliases === undefined ? {} : { aliases: data.aliases }),
    cards,
  };
}
