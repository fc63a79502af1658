import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempHome } from '../helpers/temp-home.js';
import { PREP, STACK_TRACE } from '../helpers/run-cli.js';

// A file with one line or paragraph of megabytes, as a real user runs import on it: a 10 MB
// answer fits under the loader's 16 MiB deck limit but is no card. Before this was refused, such
// a note took most of a minute and 800 MB (csv-parse looked for the line end a byte at a time,
// then the answer's key points and checks); here V8's old space is held to 64 MB, which that
// import outgrew many times over, so a refusal that read the text whole would fail this test.
const home = useTempHome('prep-long-text-');

function importOne(name: string, content: string, oldSpaceMB = 64) {
  const { dir, env } = home();
  fs.writeFileSync(join(dir, name), content);
  const r = spawnSync(process.execPath, [`--max-old-space-size=${oldSpaceMB}`, PREP, 'import', name], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  const decks = join(dir, 'decks');
  return { ...r, written: fs.existsSync(decks) ? fs.readdirSync(decks) : [] };
}

describe('import of a file with one line or paragraph of megabytes', () => {
  it('a 10 MB one-line Anki note is refused in one line naming file:line:column, exit 2, nothing written', () => {
    const r = importOne('long.txt', `Q one\t${'word '.repeat(2 * 1024 * 1024)}\n`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "long.txt:1:7 error: cannot import long.txt: this note passes 4.0 MB in its field 2, more than a note may take (HTML included); a card's text may hold 64 KB; shorten it or leave it out. Nothing was written.\n",
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.written).toEqual([]);
  });

  it('a 10 MB one-paragraph Markdown answer is refused the same way at the line the paragraph starts on', () => {
    const r = importOne('long.md', `# T\n\n## Likely Questions\n\n**1. Q?**\n\n${'word '.repeat(2 * 1024 * 1024)}`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "long.md:7:1 error: cannot import long.md: this paragraph (or list, or other block) passes 4.0 MB, more than a block may take; a card's text may hold 64 KB; shorten it or leave it out. Nothing was written.\n",
    );
    expect(r.written).toEqual([]);
  });

  it('a 2 MB answer, under those limits but over a card text, is refused at its question; one of 60 KB imports', () => {
    const answer = (words: number) => `${'word '.repeat(words)}`;
    const md = (n: number) => `# T\n\n## Likely Questions\n\n**1. Short?**\n\nShort.\n\n**2. Q?**\n\n${answer(n)}\n`;
    const refused = importOne('two.md', md(400 * 1024));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^two\.md:9 error: cannot import two\.md: the answer to the question is 2\.0 MB of text, over the 64 KB a card's text may hold; .* Nothing was written\.\n$/);
    expect(refused.written).toEqual([]);
    const anki = importOne('two.txt', `Short?\tShort.\nQ one\t${answer(400 * 1024)}\n`);
    expect([anki.status, anki.stderr]).toEqual([2, "two.txt:2:7 error: cannot import two.txt: the note's back is 2.0 MB of text, over the 64 KB a card's text may hold; shorten it or leave it out. Nothing was written.\n"]);
    const ok = importOne('ok.md', md(12 * 1024));
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^Wrote 2 questions/m);
    expect(ok.written).toEqual(['ok.yaml']);
  });

  // Under the 4 MB a note or block may take, so read, and refused as a card's text: by its size,
  // counted without the text being made. Made whole first (each clean-up a new string of
  // megabytes, kept until a full collection), these outgrew 64 MB of old space; 40 is twice what
  // the refusal needs.
  it('a 3.9 MB one-line note and one-paragraph answer are refused as card text within 40 MB of old space', () => {
    const words = 'word '.repeat(800 * 1024);
    const anki = importOne('near.txt', `Q one\t${words}\n`, 40);
    expect([anki.status, anki.stderr]).toEqual([2, "near.txt:1:7 error: cannot import near.txt: the note's back is 3.9 MB of text, over the 64 KB a card's text may hold; shorten it or leave it out. Nothing was written.\n"]);
    expect(anki.written).toEqual([]);
    const md = importOne('near.md', `# T\n\n## Likely Questions\n\n**1. Q?**\n\n${words}`, 40);
    expect([md.status, md.stderr]).toEqual([2, "near.md:5 error: cannot import near.md: the answer to the question is 3.9 MB of text, over the 64 KB a card's text may hold; shorten it or leave it out. Nothing was written.\n"]);
    expect(md.written).toEqual([]);
  });

  // Text thick with markup, refused the same way: an Anki back of HTML is cleaned a piece at a
  // time, and a Markdown paragraph's emphasis folded into its text as marked reads it. Cleaned
  // whole (a copy of the field for each clean-up) the note outgrew 24 MB of old space; lexed
  // into a token per emphasis, the paragraph outgrew 40 MB. Both now fit in 16.
  it('a 3.9 MB note of HTML and a 2 MB paragraph of emphasis are refused as card text within 24 MB of old space', () => {
    const html = importOne('html.txt', `Q one\t${'<div>word &amp; <b>more</b></div>'.repeat(124_000)}\n`, 24);
    expect([html.status, html.stderr]).toEqual([2, "html.txt:1:7 error: cannot import html.txt: the note's back is 1.5 MB of text, over the 64 KB a card's text may hold; shorten it or leave it out. Nothing was written.\n"]);
    expect(html.written).toEqual([]);
    const md = importOne('em.md', `# T\n\n## Likely Questions\n\n**1. Q?**\n\n${'*word* **more** '.repeat(131_072)}`, 24);
    expect([md.status, md.stderr]).toEqual([2, "em.md:5 error: cannot import em.md: the answer to the question is 1.2 MB of text, over the 64 KB a card's text may hold; shorten it or leave it out. Nothing was written.\n"]);
    expect(md.written).toEqual([]);
  });
});
