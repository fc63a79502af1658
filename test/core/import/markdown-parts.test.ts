import { describe, expect, it } from 'vitest';
import { markdownParts } from '../../../src/core/import/markdown-blocks.js';

// The blocks of a sheet as the importer reads them, each with the line the report will name.
const parts = (md: string, chunking?: { wholeBelow: number; chunkBytes: number }) => [...markdownParts(md, chunking)];

describe('the blocks of a prep sheet', () => {
  it('a block quote counts as its contents, on their own lines; inline HTML, images and entities become text', () => {
    expect(parts('> ## Likely Questions\n>\n> **Why?**\n>\n> Because.\n\nAfter<br>break and ![diagram](x.png) &amp; <span>x</span>\n\n<div>block</div>\n')).toEqual([
      { kind: 'heading', depth: 2, text: 'Likely Questions', line: 1 },
      { kind: 'para', text: 'Why?', lead: 'Why?', after: '', line: 3 },
      { kind: 'para', text: 'Because.', after: 'Because.', line: 5 },
      { kind: 'para', text: 'After\nbreak and diagram & x', after: 'After\nbreak and diagram & x', line: 7 },
      { kind: 'other', what: 'HTML', line: 9 },
    ]);
  });

  it('a numbered list of bold questions: the answer after each, further paragraphs, nested bullets flattened, the line of each item', () => {
    expect(parts('1. **Why us?** Because.\n\n   More text.\n\n   - sub one\n     - subsub\n   - sub two\n2. Q2: **Why now?**\n')).toEqual([
      {
        kind: 'list',
        ordered: true,
        line: 1,
        items: [
          { text: 'Why us? Because.', lead: 'Why us?', after: ' Because.', more: ['More text.'], sub: ['sub one', 'subsub', 'sub two'], line: 1 },
          { text: 'Q2: Why now?', lead: 'Q2: Why now?', after: '', more: [], sub: [], line: 8 },
        ],
      },
    ]);
  });

  it('inline Markdown reads as its words: emphasis, struck text, links, code, escapes, images, entities', () => {
    const md = 'Use **bold**, *em*, ~~old~~, [the docs](http://x), `npm ci`, \\*stars\\*, ![a diagram](d.png) and &lt;tags&gt;.\n';
    const text = 'Use bold, em, old, the docs, npm ci, *stars*, a diagram and <tags>.';
    expect(parts(md)).toEqual([{ kind: 'para', text, after: text, line: 1 }]);
  });

  it('markup inside markup reads as its words: emphasis in a bold question, bold in a link, emphasis struck out', () => {
    const md = '**Why *really* us, ~~not~~ `them`?** Because [**we** ship](http://x) ~~*old*~~ *very **bold** claims*.\n\n1. **Q: [the *docs*](u)** now\n';
    expect(parts(md)).toEqual([
      {
        kind: 'para',
        text: 'Why really us, not them? Because we ship old very bold claims.',
        lead: 'Why really us, not them?',
        after: ' Because we ship old very bold claims.',
        line: 1,
      },
      { kind: 'list', ordered: true, line: 3, items: [{ text: 'Q: the docs now', lead: 'Q: the docs', after: ' now', more: [], sub: [], line: 3 }] },
    ]);
  });

  it('an image reads as its words, entities decoded like any other text', () => {
    expect(parts('See ![R&amp;D &lt;flow&gt; diagram](x.png).\n')).toEqual([{ kind: 'para', text: 'See R&D <flow> diagram.', after: 'See R&D <flow> diagram.', line: 1 }]);
  });

  it('text keeps no break at its end; a bare "Q2:", an empty item and an empty sub-item read as nothing more', () => {
    expect(parts('Ends with a break<br>\n\nQ2:\n\n- item<br>\n- a\n  - sub one\n\n    more of it\n  -\n  - b\n\n1. **Q?**\n2.\n')).toEqual([
      { kind: 'para', text: 'Ends with a break', after: 'Ends with a break\n', line: 1 },
      { kind: 'para', text: 'Q2:', after: 'Q2:', line: 3 },
      {
        kind: 'list',
        ordered: false,
        line: 5,
        items: [
          { text: 'item', after: 'item\n', more: [], sub: [], line: 5 },
          { text: 'a', after: 'a', more: [], sub: ['sub one more of it', 'b'], line: 6 },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        line: 13,
        items: [
          { text: 'Q?', lead: 'Q?', after: '', more: [], sub: [], line: 13 },
          { text: '', after: '', more: [], sub: [], line: 14 },
        ],
      },
    ]);
  });

  it('a <br> tag in any spelling breaks the line, other tags are dropped; a table is named', () => {
    expect(parts('One<BR />two<br/>three <b>bold</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')).toEqual([
      { kind: 'para', text: 'One\ntwo\nthree bold', after: 'One\ntwo\nthree bold', line: 1 },
      { kind: 'other', what: 'a table', line: 3 },
    ]);
  });

  it('line breaks are kept in a paragraph; rules and link definitions are dropped; code keeps its text', () => {
    expect(parts('Para one\nline two  \nhard break\n\n---\n\n[ref]: http://x\n\n```js\ncode\n```\n\n    indented code\n')).toEqual([
      { kind: 'para', text: 'Para one\nline two\nhard break', after: 'Para one\nline two\nhard break', line: 1 },
      { kind: 'code', text: 'code', line: 9 },
      { kind: 'code', text: 'indented code\n', line: 13 },
    ]);
  });
});

describe('a big sheet read in chunks', () => {
  it('a heading inside a fence of either kind is code, and a fence ends only at one as long of its kind', () => {
    expect(parts('~~~\n# not heading\n~~~\n# H\n\ntext\n\n~~~~\n```\n# still code\n~~~\n~~~~\n## H2\n', { wholeBelow: 0, chunkBytes: 1 })).toEqual([
      { kind: 'code', text: '# not heading', line: 1 },
      { kind: 'heading', depth: 1, text: 'H', line: 4 },
      { kind: 'para', text: 'text', after: 'text', line: 6 },
      { kind: 'code', text: '```\n# still code\n~~~', line: 8 },
      { kind: 'heading', depth: 2, text: 'H2', line: 13 },
    ]);
  });

  it('a fence ends only at a fence of its own kind at least as long, so a heading before that is code', () => {
    const md = '~~~~\n~~~\n# also code\n~~~~\n\n```\n~~~\n# still code\n```\n\n# H\n';
    expect(parts(md, { wholeBelow: 0, chunkBytes: 1 })).toEqual([
      { kind: 'code', text: '~~~\n# also code', line: 1 },
      { kind: 'code', text: '~~~\n# still code', line: 6 },
      { kind: 'heading', depth: 1, text: 'H', line: 11 },
    ]);
  });

  it('list items continued after a blank line and quotes stay whole, and every line number holds', () => {
    expect(parts('# A\n\npara one\n\npara two\n\n- item\n\n  cont\n\nnext para\n\n> quote\n\nend\n', { wholeBelow: 0, chunkBytes: 1 })).toEqual([
      { kind: 'heading', depth: 1, text: 'A', line: 1 },
      { kind: 'para', text: 'para one', after: 'para one', line: 3 },
      { kind: 'para', text: 'para two', after: 'para two', line: 5 },
      { kind: 'list', ordered: false, items: [{ text: 'item', after: 'item', more: ['cont'], sub: [], line: 7 }], line: 7 },
      { kind: 'para', text: 'next para', after: 'next para', line: 11 },
      { kind: 'para', text: 'quote', after: 'quote', line: 13 },
      { kind: 'para', text: 'end', after: 'end', line: 15 },
    ]);
  });

  it('Windows line ends read the same as Unix ones', () => {
    const md = '# A\n\n**1. Why?**\n\nBecause.\n';
    expect(parts(md.replace(/\n/g, '\r\n'), { wholeBelow: 0, chunkBytes: 1 })).toEqual(parts(md));
  });
});
