import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/core/import/markdown.js';

// A prep sheet written loosely, as people do: every part is either taken into a card or named
// in the report with its line, so the user can see what became of each part of the sheet.
const SHEET = `Intro line before any heading.

# Acme – Staff Engineer | DRAFT

## Likely Questions

Some notes before the first question.

- a list before the first question

\`\`\`
code before
\`\`\`

### Why Acme?

A: Because the product is good. It ships fast.

\`\`\`sh
make test
\`\`\`

### 

**2.** Tell me about a hard bug

It took 3 days to find.

Q: How do you test?
I write the test first. Then the code.

1. **What is your weakness?**
   I say yes too often.
   - I keep a list now
   - I review it weekly
2. **Where do you see yourself?**

   In five years, leading a team.

- Why this team? Because of the mission.
- Why now? Because of timing.

| a | b |
|---|---|
| 1 | 2 |

## Tell me about yourself

I build things. I fix things. I ship them fast.

### Sub heading

\`\`\`
code in pitch
\`\`\`

<div>html</div>

## Elevator pitch

A second one.

## Questions to Ask

Some remark without question mark.

What is the team size?

Why: it tells me the scope.

### How do you deploy?

\`\`\`
code
\`\`\`

- **How is on-call?** Because I care.
- Who reviews code?
  Reason below.

## 2-minute pitch

`;

describe('a loosely written prep sheet', () => {
  // Imported in each test, not once for the block: mutation testing only sees what a test runs.
  const sheet = () => importMarkdown(SHEET);

  it('takes the title, with the company and role on either side of its dash', () => {
    const { deck } = sheet();
    expect(deck).toMatchObject({ title: 'Acme – Staff Engineer', company: 'Acme', role: 'Staff Engineer' });
  });

  it('turns each way of writing a question into a card with its answer and key points', () => {
    const { deck } = sheet();
    expect(deck.questions).toEqual([
      // A heading question; the "A:" label is dropped; a code block stays in the answer.
      { question: 'Why Acme?', answer: 'Because the product is good. It ships fast.\n\nmake test', points: ['The product is good', 'It ships fast'], tags: [] },
      // A bold number label before the question.
      { question: 'Tell me about a hard bug', answer: 'It took 3 days to find.', points: ['It took 3 days to find'], tags: [] },
      // A "Q:" label, the answer on the lines below it.
      { question: 'How do you test?', answer: 'I write the test first. Then the code.', points: ['I write the test first', 'The code'], tags: [] },
      // A numbered list of bold questions: the text under one is its answer, its bullets the key points.
      { question: 'What is your weakness?', answer: 'I say yes too often.\n\nI keep a list now. I review it weekly.', points: ['I keep a list now', 'I review it weekly'], tags: [] },
      // A bulleted list once a question is open is part of its answer, not new questions.
      {
        question: 'Where do you see yourself?',
        answer: 'In five years, leading a team.\n\nWhy this team? Because of the mission. Why now? Because of timing.',
        points: ['Why this team? Because of the mission.', 'Why now? Because of timing.'],
        tags: [],
      },
    ]);
  });

  it('takes the first pitch section, its sentences as beats', () => {
    const { deck } = sheet();
    expect(deck.pitch).toEqual({ script: 'I build things. I fix things. I ship them fast.', points: ['I build things', 'I fix things', 'I ship them fast'] });
  });

  it('takes questions to ask from paragraphs, headings and list items, each with its reason', () => {
    const { deck } = sheet();
    expect(deck.ask).toEqual([
      { question: 'What is the team size?', why: 'it tells me the scope.' },
      { question: 'How do you deploy?' },
      { question: 'How is on-call?', why: 'Because I care.' },
      { question: 'Who reviews code?', why: 'Reason below.' },
    ]);
  });

  it('reports what it took, title first, with the line of each', () => {
    const { took } = sheet();
    expect(took).toEqual([
      'title (line 3): Acme – Staff Engineer',
      'question (line 15): Why Acme? — answer and 2 key points',
      'question (line 25): Tell me about a hard bug — answer and 1 key point',
      'question (line 29): How do you test? — answer and 2 key points',
      'question (line 32): What is your weakness? — answer and 2 key points',
      'question (line 36): Where do you see yourself? — answer and 2 key points',
      'pitch (line 47): 10 words, 3 beats',
      'question to ask (line 67): What is the team size?',
      'question to ask (line 71): How do you deploy?',
      'question to ask (line 77): How is on-call?',
      'question to ask (line 78): Who reviews code?',
    ]);
  });

  it('names every part it left out, with its line and why', () => {
    const { skipped } = sheet();
    expect(skipped).toEqual([
      'the text before the first heading (line 1): not a questions, pitch or ask section',
      'line 7 in "Likely Questions": text before the first question',
      'line 9 in "Likely Questions": a list before the first question',
      'line 11 in "Likely Questions": code before the first question',
      'line 23 in "Likely Questions": a question with no text',
      'line 43 in "Likely Questions": a table',
      'line 51 in "Tell me about yourself": the heading "Sub heading"',
      'line 53 in "Tell me about yourself": code',
      'line 57 in "Tell me about yourself": HTML',
      '"Elevator pitch" (line 59): a second pitch section',
      'line 65 in "Questions to Ask": a paragraph that is not a question',
      'line 73 in "Questions to Ask": code',
      '"2-minute pitch" (line 81): a second pitch section',
    ]);
  });
});

describe('pitch and ask sections written other ways', () => {
  it('a pitch given only as bullets: they are its script and its beats, and its heading its length', () => {
    const { deck, took } = importMarkdown('## 60-second pitch\n\n- I build backends\n- I lead a small team\n- I want more scope\n');
    expect(deck.pitch).toEqual({
      script: '- I build backends\n- I lead a small team\n- I want more scope',
      points: ['I build backends', 'I lead a small team', 'I want more scope'],
      seconds: 60,
    });
    expect(took).toEqual(['pitch (line 1): 12 words, 60 s target, 3 beats']);
  });

  it('a quoted pitch loses its quotes; bullets beside the prose are its beats', () => {
    const { deck, took } = importMarkdown('## 90 sec pitch\n\n"I build backends. I lead a team. I want scope."\n\n- Backends\n- Team\n');
    expect(deck.pitch).toEqual({ script: 'I build backends. I lead a team. I want scope.', points: ['Backends', 'Team'], seconds: 90 });
    expect(took).toEqual(['pitch (line 1): 10 words, 90 s target, 2 beats']);
  });

  it('a pitch section with no prose or bullets is said to be empty, and gives no pitch', () => {
    const { deck, skipped } = importMarkdown('## Pitch\n\n```\nonly code\n```\n');
    expect(deck.pitch).toBeUndefined();
    expect(skipped).toEqual(['line 3 in "Pitch": code', '"Pitch" (line 1): the pitch section is empty']);
  });

  it('a reason starting "Because" belongs to the question before it; a second one is not taken', () => {
    const { deck, skipped } = importMarkdown('## Questions to ask\n\nWhat is next?\n\nBecause I care about it.\n\nReason: none\n');
    expect(deck.ask).toEqual([{ question: 'What is next?', why: 'Because I care about it.' }]);
    expect(skipped).toEqual(['line 7 in "Questions to ask": a paragraph that is not a question']);
  });
});

describe('questions with nothing under them', () => {
  it('are named with their line, and no card is made', () => {
    const { deck, took, skipped, questions } = importMarkdown('# Acme | READY\n\n## Likely Questions\n\n1. Why us?\n2. Why now?\n');
    expect(deck).toEqual({ title: 'Acme', questions: [], ask: [] });
    expect(questions.count).toBe(0);
    expect(took).toEqual(['title (line 1): Acme']);
    expect(skipped).toEqual(['"Why us?" (line 5): no answer under it', '"Why now?" (line 6): no answer under it']);
  });
});
