import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/core/answer/match.js';
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

/** Answers as a person would type them after saying them aloud: short, unpunctuated, their own words. */
const SPOKEN: Record<string, { typed: string; atLeast: number }> = {
  'sandbox-design': { typed: 'threat model first then isolation layers network policy filesystem sandbox observability', atLeast: 4 },
  'many-agent-frameworks': { typed: "implement their interface instead of making them learn mine, seven framework adapters, run the framework's own tests, for coder expose the filesystem terminal and MCP that agents already use", atLeast: 4 },
  'ramp-up-on-go': { typed: 'I use python and typescript every day and am learning rust, go is simpler than rust, goroutines and channels are like my async agent patterns, production go in a few weeks, the real ramp is the coder codebase and architecture', atLeast: 5 },
  'monitoring-agents': { typed: 'every agent action becomes an opentelemetry span, grafana for aggregates like p50 and p99 latency and success rates, jaeger to follow one session trace, is the agent stuck or dangerous, instrument the CDE not just the agent', atLeast: 5 },
  'open-source-practices': { typed: 'CI runs against the latest upstream with zero skipped tests so breakage is found the same day not by users, packages on pypi with docs sites, seven adapters kept working through breaking changes', atLeast: 4 },
  'why-coder': { typed: 'bilrost solved the same sandbox problem, coder has the same containment problem for thousands of developers, open source with real users raises the bar, it is where my work meets my next step', atLeast: 4 },
  'role-interest': { typed: 'the team decides how agents work inside development environments, containment before capabilities, it uses all my pieces sandbox runtime observability integrations, open source for a big community', atLeast: 4 },
};

describe('the coder deck, checked against spoken-style typed answers', () => {
  const deck = loadDeckFile(CODER, 'decks/coder.yaml');
  const questions = deck.cards.filter((c) => c.kind === 'question');

  it.each(questions.map((q) => [q.id, q] as const))('%s: a good spoken answer covers most of its points', (id, card) => {
    const spoken = SPOKEN[id];
    expect(spoken).toBeDefined();
    const points = card.points.map((text, i) => ({ text, match: card.matches?.[i] ?? [] }));
    const c = coverage(spoken!.typed, points, { aliases: deck.aliases ?? {} });
    expect(c.covered).toBeGreaterThanOrEqual(spoken!.atLeast);
    expect(c.covered * 2).toBeGreaterThan(c.total);
  });

  it('an off-topic answer covers none of the sandbox points', () => {
    const card = questions[0]!;
    const points = card.points.map((text, i) => ({ text, match: card.matches?.[i] ?? [] }));
    expect(coverage('I like small teams and fast builds', points, { aliases: deck.aliases ?? {} }).covered).toBe(0);
  });
});
