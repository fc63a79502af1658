import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/core/import/markdown.js';
import { headingSeconds, sectionKind } from '../../../src/core/import/sections.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
// The shared prep sheets sit beside the repository (../shared); CI keeps a copy there too.
const CODER_MD = fileURLToPath(new URL('../../../../shared/prep-sheets/coder.md', import.meta.url));
const fixture = (name: string) => importMarkdown(readFileSync(FIXTURES + name, 'utf8'));

describe('importing the coder prep sheet', () => {
  it.skipIf(!existsSync(CODER_MD))('gives 5 questions with answers and points, the 30-second pitch and 1 ask card (needs ../shared/prep-sheets/coder.md)', () => {
    const { deck, skipped } = importMarkdown(readFileSync(CODER_MD, 'utf8'));
    expect(deck.title).toBe('Coder — Software Engineer, AI Tools');
    expect(deck.company).toBe('Coder');
    expect(deck.role).toBe('Software Engineer, AI Tools');
    expect(deck.questions.map((q) => q.question)).toEqual([
      "Walk us through how you'd design a sandboxed environment for an autonomous coding agent.",
      'How do you think about supporting multiple AI agent frameworks without building N custom integrations?',
      "You don't know Go. How would you ramp up?",
      'What does monitoring autonomous agents look like?',
      'Tell us about your open-source engineering practices.',
    ]);
    expect(deck.questions[0]?.answer).toMatch(/^Start with the threat model\. I used STRIDE.*concurrent coding agents\.$/);
    // One point per claim, 2 to 6, each short, every figure kept.
    for (const q of deck.questions) {
      expect(q.points.length).toBeGreaterThanOrEqual(2);
      expect(q.points.length).toBeLessThanOrEqual(6);
      for (const p of q.points) expect(p.split(/\s+/).length).toBeLessThanOrEqual(12);
    }
    expect(deck.questions[0]?.points.slice(0, 2)).toEqual(['Start with the threat model', 'I used STRIDE for bilrost']);
    expect(deck.pitch?.points.length).toBeGreaterThanOrEqual(3);
    expect(deck.pitch?.seconds).toBe(30);
    expect(deck.pitch?.script).toMatch(/^I build infrastructure that makes autonomous agents safe.*That's the scale I want to work at\.$/);
    expect(deck.ask).toHaveLength(1);
    expect(deck.ask[0]?.question).toMatch(/^Coder's CDEs are now hosting .* within the environment\?$/);
    expect(skipped).toEqual(expect.arrayContaining([
      '"Cover Letter" (line 10): not a questions, pitch or ask section',
      '"Application Form Notes" (line 32): not a questions, pitch or ask section',
      '"Location Note" (line 97): not a questions, pitch or ask section',
    ]));
  });
});

describe('importing prep sheets written in other ways', () => {
  it('questions as headings with bullet answers; the bullets are the key points', () => {
    const { deck, took, skipped } = fixture('bullets.md');
    expect(deck.questions.map((q) => q.question)).toEqual(['Why Acme?', 'Tell me about a hard bug', 'How do you review code?']);
    expect(deck.questions[0]).toEqual({
      question: 'Why Acme?',
      // The answer says the bullets as sentences; it is not a copy of the list.
      answer: 'The product solves a problem I have had. Small team, big scope. I can ship on day one.',
      points: ['The product solves a problem I have had', 'Small team, big scope', 'I can ship on day one'],
      tags: [],
    });
    // Prose answers: one point per claim.
    expect(deck.questions[2]?.points).toEqual([
      'I read the tests first',
      'The change itself, looking for what it does not handle',
      'I leave one comment per problem, with a suggestion',
      'Small things get a nit: prefix',
    ]);
    expect(deck.questions[2]?.answer).toBe(
      'I read the tests first. Then the change itself, looking for what it does not handle.\n\nI leave one comment per problem, with a suggestion. Small things get a nit: prefix.',
    );
    expect(took).toContain('question (line 21): How do you review code? — answer and 4 key points');
    expect(skipped).toContain('"Technical" (line 19): no answer under it');
    expect(skipped).toContain('"Salary Notes" (line 40): not a questions, pitch or ask section');
  });

  it('a pitch heading names its length; bullets under the pitch are its beats', () => {
    const { deck } = fixture('bullets.md');
    expect(deck.pitch).toEqual({ script: 'I build backend services, and the tools that keep them honest.', seconds: 60, points: ['Backend services', 'Tooling'] });
  });

  it('a numbered list of questions to ask, one with a reason after its bold question', () => {
    const { deck, took } = fixture('bullets.md');
    expect(deck.ask).toEqual([
      { question: 'What would my first project be?' },
      { question: 'How do you decide what to build next?' },
      { question: 'How is on-call shared?', why: 'It tells me how the team treats its people.' },
    ]);
    expect(took).toContain('question to ask (line 38): How is on-call shared?');
  });

  it('a numbered list of bold questions, Q:/A: labels, a deeper heading; a table is skipped', () => {
    const { deck, skipped } = fixture('numbered.md');
    expect(deck.title).toBeUndefined();
    expect(deck.questions).toEqual([
      {
        question: 'What does a good deploy pipeline look like?',
        answer: 'Every change builds once, and the same artifact goes to every stage.\n\nRollbacks take one command. Nobody deploys by hand.',
        points: ['Every change builds once, and the same artifact goes to every stage', 'Rollbacks take one command', 'Nobody deploys by hand'],
        tags: [],
      },
      { question: 'How do you handle an incident?', answer: 'Stop the bleeding first, then find the cause.', points: ['Stop the bleeding first', 'Find the cause'], tags: [] },
      {
        question: 'How do you keep a service observable?',
        answer: 'Structured logs, RED metrics and traces on every request boundary. Dashboards come second.',
        points: ['Structured logs, RED metrics and traces on every request boundary', 'Dashboards come second'],
        tags: [],
      },
      {
        question: 'What is your biggest weakness?',
        answer: 'I used to say yes to everything; now I keep a written list of what I have committed to.',
        // Past 15 words a point is cut at its last clause break.
        points: ['I used to say yes to everything', 'Now I keep a written list of what I have committed to'],
        tags: [],
      },
    ]);
    expect(skipped).toEqual([
      'the text before the first heading (line 1): not a questions, pitch or ask section',
      'line 18 in "Top 7 Interview Questions & Answers": a table',
    ]);
  });

  it('questions to ask as paragraphs, with a "Why:" paragraph as the reason', () => {
    const { deck } = fixture('numbered.md');
    expect(deck.ask).toEqual([
      { question: 'How does the platform team measure success?', why: 'it shows what they reward.' },
      { question: 'Which parts of the stack are you replacing this year?' },
    ]);
  });

  it('a sheet with none of the sections gives no cards, and says what it skipped', () => {
    const { deck, took, skipped } = importMarkdown('# Notes\n\nJust notes.\n\n## Salary\n\nAsk for the range.\n');
    expect(deck).toEqual({ title: 'Notes', questions: [], ask: [] });
    expect(took).toEqual(['title (line 1): Notes']);
    expect(skipped).toEqual(['"Notes" (line 1): not a questions, pitch or ask section', '"Salary" (line 5): not a questions, pitch or ask section']);
  });

  it('a bold phrase inside an answer is answer text, not a new question', () => {
    const md = '## Likely Questions\n\n**1. Why us?**\n\n**Short version**: the product.\n';
    expect(importMarkdown(md).deck.questions).toEqual([{ question: 'Why us?', answer: 'Short version: the product.', points: ['Short version: the product'], tags: [] }]);
  });

  it('entities, escapes, code and links become plain text', () => {
    const md = '## Likely Questions\n\n**What is `a && b`?**\n\nIt is [short-circuit](https://x.y) evaluation \\*both\\* sides &amp; more.\n';
    expect(importMarkdown(md).deck.questions[0]).toMatchObject({ question: 'What is a && b?', answer: 'It is short-circuit evaluation *both* sides & more.' });
  });
});

describe('which headings start which section', () => {
  it.each([
    ['5 Most Likely Questions and Answers', 'questions'],
    ['Likely Questions', 'questions'],
    ['Top 10 Interview Questions', 'questions'],
    ['Questions & Answers', 'questions'],
    ['Questions they might ask', 'questions'],
    ['Q&A', 'questions'],
    ['30-Second "Tell Me About Yourself" (Tailored to Coder)', 'pitch'],
    ['Elevator pitch', 'pitch'],
    ['One Question to Ask Them', 'ask'],
    ['Questions to Ask Them', 'ask'],
    ['Questions to ask', 'ask'],
    ['Questions for the interviewer', 'ask'],
    ['Cover Letter', undefined],
    ['Application Form Notes', undefined],
    ['Interview Prep Quick Sheet', undefined],
  ])('%s -> %s', (heading, kind) => {
    expect(sectionKind(heading)).toBe(kind);
  });

  it('reads the pitch length from its heading', () => {
    expect(headingSeconds('30-Second "Tell Me About Yourself"')).toBe(30);
    expect(headingSeconds('60 sec pitch')).toBe(60);
    expect(headingSeconds('2-Minute Pitch')).toBe(120);
    expect(headingSeconds('One-minute pitch')).toBe(60);
    expect(headingSeconds('Tell me about yourself')).toBeUndefined();
    // Spaced dashes, decimals, numbers of two digits, short units, "half a minute"; a zero is no length.
    expect(headingSeconds('90 - second pitch')).toBe(90);
    expect(headingSeconds('2 - minute pitch')).toBe(120);
    expect(headingSeconds('2.75 minutes')).toBe(165);
    expect(headingSeconds('10 minutes')).toBe(600);
    expect(headingSeconds('2min pitch')).toBe(120);
    expect(headingSeconds('Half a minute')).toBe(30);
    expect(headingSeconds('0 minutes')).toBeUndefined();
  });

  it('reports the title first even when the sheet names it after a questions section', () => {
    const { deck, took } = importMarkdown('## Likely Questions\n\n**1. Why us?**\n\nThe product.\n\n# Acme — Engineer\n\nNotes.\n');
    expect(deck.title).toBe('Acme — Engineer');
    expect(took).toEqual(['title (line 7): Acme — Engineer', 'question (line 3): Why us? — answer and 1 key point']);
  });
});
