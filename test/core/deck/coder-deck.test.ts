import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDeckFile } from '../../../src/core/deck/load-deck.js';

const CODER = fileURLToPath(new URL('../../../decks/coder.yaml', import.meta.url));

describe('the shipped coder deck', () => {
  const deck = loadDeckFile(CODER, 'decks/coder.yaml');
  const questions = deck.cards.filter((c) => c.kind === 'question');

  it('names the role, with no interview date', () => {
    expect(deck.name).toBe('coder');
    expect(deck.title).toBe('Coder — Software Engineer, AI Tools');
    expect(deck.company).toBe('Coder');
    expect(deck.role).toBe('Software Engineer, AI Tools');
    expect(deck.interview).toBeUndefined();
  });

  it('starts with a 30-second pitch short enough to say in 30 seconds', () => {
    const pitch = deck.cards[0];
    expect(pitch?.kind).toBe('pitch');
    expect(pitch?.seconds).toBe(30);
    expect(pitch?.prompt).toBe('Tell me about yourself.');
    const words = pitch?.answer.split(/\s+/).length ?? 0;
    // 150 words a minute, give or take a few.
    expect(words).toBeGreaterThanOrEqual(65);
    expect(words).toBeLessThanOrEqual(82);
    expect(pitch?.points.length).toBeGreaterThanOrEqual(4);
    expect(pitch?.points.length).toBeLessThanOrEqual(6);
  });

  it('has the 7 questions, each with an explicit id and 3-6 points', () => {
    expect(questions.map((q) => q.id)).toEqual([
      'sandbox-design',
      'many-agent-frameworks',
      'ramp-up-on-go',
      'monitoring-agents',
      'open-source-practices',
      'why-coder',
      'role-interest',
    ]);
    const source = readFileSync(CODER, 'utf8');
    for (const q of questions) {
      expect(source).toContain(`id: ${q.id}`);
      expect(q.points.length).toBeGreaterThanOrEqual(3);
      expect(q.points.length).toBeLessThanOrEqual(6);
      expect(q.tags.length).toBeGreaterThan(0);
      expect(q.seconds).toBeGreaterThan(0);
    }
    expect(questions[2]?.prompt).toBe("You don't know Go. How would you ramp up?");
    expect(questions[5]?.prompt).toBe('Why Coder?');
  });

  it('ends with the one question to ask them, and why', () => {
    const asks = deck.cards.filter((c) => c.kind === 'ask');
    expect(asks).toHaveLength(1);
    expect(deck.cards.at(-1)).toBe(asks[0]);
    expect(asks[0]?.answer).toMatch(/isolation boundary/);
    expect(asks[0]?.why).toBeTruthy();
  });

  it('points editors at the JSON schema on its first line', () => {
    expect(readFileSync(CODER, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/deck.schema.json');
  });
});
