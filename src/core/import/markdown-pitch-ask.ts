import { countWords } from '../deck/pace.js';
import type { ItemPart, Part } from './markdown-blocks.js';
import { bulletProse } from './claims.js';
import { deriveBeats } from './points.js';
import { headingSeconds, type SectionKind } from './sections.js';
import { cleanQuestion, oneLine, short, unquote } from './text.js';
import { checkCardText } from './limits.js';
import type { DraftAsk, DraftPitch, ImportResult } from './types.js';

// The small sections of a prep sheet, read once whole: the pitch ("Tell Me About Yourself") and
// the questions to ask; and the line helpers the question reader shares with them.

/** A run of parts under one heading (and its deeper subheadings). */
export interface Section {
  kind?: SectionKind;
  heading: string;
  depth: number;
  line: number;
  parts: Part[];
}

/** The pitch from its section: its prose (or bullets) as the script, bullets beside the prose (or the script's sentences) as the beats. */
export function readPitch(section: Section, result: ImportResult): void {
  if (result.deck.pitch) {
    result.skipped.push(`"${section.heading}" (line ${section.line}): a second pitch section`);
    return;
  }
  const paragraphs: string[] = [];
  const bullets: string[] = [];
  for (const part of section.parts) {
    if (part.kind === 'para') paragraphs.push(oneLine(part.text));
    else if (part.kind === 'list') for (const line of part.items.flatMap(itemLines)) bullets.push(line);
    else result.skipped.push(`line ${part.line} in "${section.heading}": ${part.kind === 'heading' ? `the heading "${part.text}"` : part.kind === 'code' ? 'code' : part.what}`);
  }
  const script = unquote(paragraphs.length > 0 ? paragraphs.join('\n\n') : bullets.map((b) => `- ${b}`).join('\n'));
  if (!script) {
    result.skipped.push(`"${section.heading}" (line ${section.line}): the pitch section is empty`);
    return;
  }
  checkCardText(script, 'the pitch', () => ({ line: section.line }));
  const seconds = headingSeconds(section.heading);
  // Bullets beside the prose are its beats; else the prose's sentences are.
  const beats = paragraphs.length > 0 && bullets.length > 0 ? bullets : deriveBeats(paragraphs.length > 0 ? script : bulletProse(bullets));
  const pitch: DraftPitch = { script, points: beats, ...(seconds ? { seconds } : {}) };
  result.deck.pitch = pitch;
  const target = seconds ? `, ${seconds} s target` : '';
  result.took.push(`pitch (line ${section.line}): ${countWords(script)} words${target}, ${beats.length} beat${beats.length === 1 ? '' : 's'}`);
}

/** Questions to ask from their section: list items, questions in paragraphs or headings, each with the reason after it. */
export function readAsk(section: Section, result: ImportResult): void {
  const add = (ask: DraftAsk, line: number): void => {
    if (!ask.question) return;
    checkCardText(ask.question, 'the question to ask', () => ({ line }));
    checkCardText(ask.why ?? '', 'the reason for the question to ask', () => ({ line }));
    result.deck.ask.push(ask);
    result.took.push(`question to ask (line ${line}): ${short(ask.question)}`);
  };
  for (const part of section.parts) {
    if (part.kind === 'list') {
      for (const item of part.items) add(askOf(item.lead, item.after, [item.text, ...item.more, ...item.sub].join('\n')), item.line);
    } else if (part.kind === 'para' && part.text.includes('?')) {
      add(askOf(part.lead, part.after, part.text), part.line);
    } else if (part.kind === 'para' && /^(?:why|because|reason)\b/i.test(part.text) && result.deck.ask.at(-1) && !result.deck.ask.at(-1)?.why) {
      (result.deck.ask.at(-1) as DraftAsk).why = oneLine(part.text.replace(/^why\s*[:\-–—]\s*/i, ''));
    } else if (part.kind === 'heading' && part.text.trim().endsWith('?')) {
      add({ question: cleanQuestion(part.text) }, part.line);
    } else {
      const what = part.kind === 'para' ? 'a paragraph that is not a question' : part.kind === 'heading' ? `the heading "${part.text}"` : part.kind === 'code' ? 'code' : part.what;
      result.skipped.push(`line ${part.line} in "${section.heading}": ${what}`);
    }
  }
}

/** A question to ask: a bold lead with the reason after it, or a first line with the reason below it. */
function askOf(lead: string | undefined, after: string, text: string): DraftAsk {
  const [question, why] = lead !== undefined && after.trim() ? [lead, after] : [firstLine(text), otherLines(text)];
  const reason = oneLine(why.replace(/^[\s:.\-–—]+/, '').replace(/^why\s*[:\-–—]\s*/i, ''));
  return { question: cleanQuestion(question), ...(reason ? { why: reason } : {}) };
}

/** A list item's text on one line, then its nested items. */
export function itemLines(item: ItemPart): string[] {
  return [oneLine([item.text, ...item.more].join(' ')), ...item.sub].filter((s) => s !== '');
}

/** The first line of a text, trimmed. */
export function firstLine(text: string): string {
  return (text.trim().split('\n')[0] ?? '').trim();
}

/** The lines of a text after its first, trimmed. */
export function otherLines(text: string): string {
  return text.trim().split('\n').slice(1).join('\n').trim();
}
