import fs from 'node:fs';
import path from 'node:path';
import type { Grade, LogRecord } from '../../src/core/store/review-log.js';

/** A small deck with a pitch (three beats) and three questions, for the real-terminal tests. */
export const SMALL_DECK = `title: Small deck
pitch:
  script: I build tools for people who live in the terminal.
  points: [What I do, Proof, Why you]
questions:
  - id: alpha
    question: Alpha question?
    answer: Alpha answer.
    points: [Alpha point one, Alpha point two]
  - id: beta
    question: Beta question?
    answer: Beta answer.
    points: [Beta point one, Beta point two]
  - id: gamma
    question: Gamma question?
    answer: Gamma answer.
    points: [Gamma point one, Gamma point two]
`;

/** The same questions without the pitch: every card is answered with reveal + a grade. */
export const PLAIN_DECK = SMALL_DECK.replace(/^pitch:\n(?: {2}.*\n)+/m, '');

/** Writes `<home>/decks/<name>.yaml`. */
export function putDeck(home: string, name: string, yaml: string): string {
  const file = path.join(home, 'decks', `${name}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, yaml);
  return file;
}

/** The review log file of a deck. */
export const logFile = (home: string, deck: string) => path.join(home, 'logs', `${deck}.jsonl`);

/** Writes a deck's review log, one JSON line per record. */
export function putLog(home: string, deck: string, records: LogRecord[]): string {
  const file = logFile(home, deck);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
}

/** Every line of a deck's log, parsed; throws on a line that is not JSON. */
export function readLogLines(home: string, deck: string): LogRecord[] {
  const text = fs.existsSync(logFile(home, deck)) ? fs.readFileSync(logFile(home, deck), 'utf8') : '';
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as LogRecord);
}

let n = 0;

/** A grade record of `card` at `at`. */
export function gradeRecord(deck: string, card: string, grade: Grade, at: Date): LogRecord {
  return { v: 1, type: 'grade', id: `e2e${(n++).toString(16)}`, deck, card, grade, at: at.toISOString() };
}
