import { markdownParts, type ItemPart, type Part } from './markdown-blocks.js';
import { firstLine, itemLines, otherLines, readAsk, readPitch, type Section } from './markdown-pitch-ask.js';
import { bulletProse } from './claims.js';
import { derivePoints } from './points.js';
import { sectionKind } from './sections.js';
import { cleanQuestion, cleanText, oneLine, short, stripAnswerLabel, unquote } from './text.js';
import { QuestionTally, tookLines } from './deck-size.js';
import { checkCardBytes, checkCardText, MAX_CARD_TEXT_BYTES } from './limits.js';
import { oneLineBytes } from './text-bytes.js';
import type { DraftDeck, DraftQuestion, ImporterOptions, ImportResult } from './types.js';

/** A section being read: takes its parts one by one, then is ended. */
interface SectionReader {
  section: Section;
  add(part: Part): void;
  end(): void;
}

/**
 * Reads a Markdown prep sheet. The "Likely Questions" section's numbered bold questions become
 * question cards (the paragraphs or bullets after each are the answer; its bullets, or else the
 * leading sentence of each paragraph, the key points), the "Tell Me About Yourself" section
 * becomes the pitch, and "Questions to Ask" sections become ask cards. Everything else is
 * skipped, and said so. The sheet is read in one pass, part by part, so a big sheet's parts are
 * never all held at once; given as UTF-8 bytes, a big sheet is decoded a part at a time too.
 */
export function importMarkdown(text: string | Uint8Array, opts: ImporterOptions = {}): ImportResult {
  const deck: DraftDeck = { questions: [], ask: [] };
  const result: ImportResult = { deck, took: tookLines(opts.took), skipped: [], questions: new QuestionTally(deck, opts.limit, opts.each) };
  let titled = false;
  let current = sectionReader({ heading: '', depth: 0, line: 0, parts: [] }, result);
  for (const part of markdownParts(text)) {
    if (part.kind !== 'heading') {
      current.add(part);
      continue;
    }
    const kind = sectionKind(part.text);
    if (!titled && part.depth === 1 && !kind) {
      titled = true;
      Object.assign(deck, splitTitle(part.text));
      // The title is reported first, wherever in the sheet it stands.
      result.took.unshift(`title (line ${part.line}): ${deck.title}`);
    }
    // A recognised section runs until a heading of its level or higher, or a deeper heading that
    // starts a recognised section itself; any other heading starts an unrecognised run that ends
    // at the next heading.
    if (!kind && current.section.kind && part.depth > current.section.depth) {
      current.add(part);
      continue;
    }
    current.end();
    current = sectionReader({ ...(kind ? { kind } : {}), heading: part.text, depth: part.depth, line: part.line, parts: [] }, result);
  }
  current.end();
  return result;
}

/** The reader for a section of its kind: questions are read as they come; a pitch or ask section, small, once whole. */
function sectionReader(section: Section, result: ImportResult): SectionReader {
  if (section.kind === 'questions') return { section, ...questionReader(section, result) };
  let content = false;
  return {
    section,
    add: (part) => {
      if (section.kind) section.parts.push(part);
      else content ||= part.kind !== 'heading';
    },
    end: () => {
      if (section.kind === 'pitch') readPitch(section, result);
      else if (section.kind === 'ask') readAsk(section, result);
      else if (content) {
        const where = section.line === 0 ? 'the text before the first heading (line 1)' : `"${section.heading}" (line ${section.line})`;
        result.skipped.push(`${where}: not a questions, pitch or ask section`);
      }
    },
  };
}

/** `Coder — Software Engineer | READY` -> title `Coder — Software Engineer`, company `Coder`, role `Software Engineer`. */
function splitTitle(heading: string): Pick<DraftDeck, 'title' | 'company' | 'role'> {
  const title = oneLine(heading.split(' | ')[0] ?? heading);
  const m = /^(.{1,60}?)\s+[—–-]\s+(.{1,80})$/.exec(title);
  return m?.[1] && m[2] ? { title, company: m[1], role: m[2] } : { title };
}

/** A question being read, with its answer so far. */
interface Open {
  question: string;
  line: number;
  paragraphs: string[];
  bullets: string[];
  blocks: string[];
  /** Blocks of the answer left out of `blocks` as over a card's text on their own: their UTF-8 bytes and how many. */
  over?: { bytes: number; count: number };
}

function questionReader(section: Section, result: ImportResult): Pick<SectionReader, 'add' | 'end'> {
  let open: Open | undefined;
  const close = (): void => {
    if (open) finishQuestion(open, section, result);
    open = undefined;
  };
  const start = (question: string, line: number): Open => {
    close();
    open = { question: cleanQuestion(question), line, paragraphs: [], bullets: [], blocks: [] };
    return open;
  };
  const addPara = (text: string, line: number): void => {
    const flat = cleanText(stripAnswerLabel(text));
    if (!flat) return;
    if (!open) return void result.skipped.push(`line ${line} in "${section.heading}": text before the first question`);
    // A paragraph over a card's text makes the answer refused: only its size is kept, not its text.
    if (flat.length * 3 > MAX_CARD_TEXT_BYTES && leftOut(open, oneLineBytes(flat))) return;
    const clean = oneLine(flat);
    open.paragraphs.push(clean);
    open.blocks.push(clean);
  };
  const addBullets = (items: string[], line: number): void => {
    if (items.length === 0) return;
    if (!open) return void result.skipped.push(`line ${line} in "${section.heading}": a list before the first question`);
    // One at a time: spreading a hundred thousand bullets into push() overflows the stack.
    for (const item of items) open.bullets.push(item);
    // The bullets become the key points; the answer says them as sentences, not a copy of the list.
    open.blocks.push(bulletProse(items));
  };

  const add = (part: Part): void => {
    switch (part.kind) {
      case 'heading':
        start(part.text, part.line);
        break;
      case 'para': {
        const q = questionOf(part.lead, part.after, part.text);
        if (q) {
          start(q.question, part.line);
          addPara(q.rest, part.line);
        } else {
          addPara(part.text, part.line);
        }
        break;
      }
      case 'list':
        if (isQuestionList(part.items, part.ordered, open !== undefined)) {
          for (const item of part.items) {
            const q = questionOf(item.lead, item.after, item.text) ?? { question: firstLine(item.text), rest: otherLines(item.text) };
            start(q.question, item.line);
            addPara(q.rest, item.line);
            for (const more of item.more) addPara(more, item.line);
            addBullets(item.sub, item.line);
          }
        } else {
          addBullets(part.items.flatMap(itemLines), part.line);
        }
        break;
      case 'code':
        if (open) {
          const code = cleanText(part.text);
          if (code.length * 3 <= MAX_CARD_TEXT_BYTES || !leftOut(open, Buffer.byteLength(code, 'utf8'))) open.blocks.push(code);
        } else result.skipped.push(`line ${part.line} in "${section.heading}": code before the first question`);
        break;
      case 'other':
        result.skipped.push(`line ${part.line} in "${section.heading}": ${part.what}`);
    }
  };
  return { add, end: close };
}

/** Leaves a block of `bytes` out of the open answer, counted, when it is over a card's text; says whether it did. */
function leftOut(open: Open, bytes: number): boolean {
  if (bytes <= MAX_CARD_TEXT_BYTES) return false;
  open.over = { bytes: (open.over?.bytes ?? 0) + bytes, count: (open.over?.count ?? 0) + 1 };
  return true;
}

function finishQuestion(open: Open, section: Section, result: ImportResult): void {
  const blocks = open.blocks.filter((b) => b !== '');
  if (open.over && open.question) {
    // Refused as the whole answer would be, by its size: the blocks and the empty lines between them.
    const { bytes, count } = open.over;
    const size = blocks.reduce((n, b) => n + Buffer.byteLength(b, 'utf8'), bytes) + 2 * (blocks.length + count - 1);
    checkCardText(open.question, 'the question', () => ({ line: open.line }));
    checkCardBytes(size, 'the answer to the question', () => ({ line: open.line }));
  }
  const answer = blocks.join('\n\n');
  if (!open.question) {
    result.skipped.push(`line ${open.line} in "${section.heading}": a question with no text`);
    return;
  }
  if (!answer) {
    result.skipped.push(`"${short(open.question)}" (line ${open.line}): no answer under it`);
    return;
  }
  // Before its key points are made: for an answer of megabytes they took seconds and gigabytes.
  checkCardText(open.question, 'the question', () => ({ line: open.line }));
  checkCardText(answer, 'the answer to the question', () => ({ line: open.line }));
  const card: DraftQuestion = { question: open.question, answer, points: derivePoints(open.paragraphs, open.bullets), tags: [] };
  result.questions.add(card);
  const n = card.points.length;
  result.took.push(`question (line ${open.line}): ${short(card.question)} — answer and ${n} key point${n === 1 ? '' : 's'}`);
}

const LABEL = /^(?:q(?:uestion)?\s*\d{0,3}|\d{1,3})\s*[.:)]?$/i;

/**
 * The question a paragraph or list item opens with, if it does: a bold lead (the text after it
 * on the following lines is the start of the answer), a bold label (`**Q1:** Why us?`), or a
 * plain label (`Q: Why us?`). A bold phrase followed by more text on its line is answer text.
 */
function questionOf(lead: string | undefined, after: string, text: string): { question: string; rest: string } | undefined {
  if (lead !== undefined) {
    if (LABEL.test(lead.trim()) && after.trim()) return { question: firstLine(after), rest: otherLines(after) };
    // Only what follows the bold text on its own line decides; the lines below are the answer.
    const [sameLine = '', ...below] = after.split('\n');
    if (/^[\s:.\-–—]*$/.test(sameLine)) return { question: lead, rest: below.join('\n').trim() };
    return undefined;
  }
  const m = /^\s*q(?:uestion)?\s*\d{0,3}\s*[:.]\s+(\S.*)/i.exec(text);
  return m?.[1] ? { question: firstLine(m[1]), rest: otherLines(text) } : undefined;
}

/** A numbered list of bold items, or a list of lines that all end in "?", opens questions; a bulleted one only before any question. */
function isQuestionList(items: ItemPart[], ordered: boolean, inAnswer: boolean): boolean {
  const asks = items.every((i) => /\?$/.test(unquote(firstLine(i.lead ?? i.text))));
  const bold = items.every((i) => i.lead !== undefined && questionOf(i.lead, i.after, i.text) !== undefined);
  return ordered ? bold || asks : !inAnswer && asks;
}
