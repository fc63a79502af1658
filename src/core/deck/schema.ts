import * as z from 'zod';

/**
 * The deck format, as one zod schema: the single source of truth for the shape of a deck file.
 * It stays plain (objects, strings, numbers, arrays, one union) so `z.toJSONSchema` can export it
 * for editors. Rules that are not about shape (unique ids, real calendar dates, at least one card)
 * live in `check-deck.ts`.
 */

// The format's constants live apart from zod so that code needing only them loads no schema library.
import { DEFAULT_PITCH_PROMPT, DEFAULT_PITCH_SECONDS, ID_PATTERN } from './defaults.js';
import { INTERVIEW_PATTERN } from '../store/interview-date.js';
export { DEFAULT_PITCH_PROMPT, DEFAULT_PITCH_SECONDS, ID_PATTERN, INTERVIEW_PATTERN };

const text = () => z.string().trim().min(1);
const textList = () => z.array(text());
const cardId = () => z.string().trim().regex(ID_PATTERN);
const seconds = () => z.number().positive();

/** A key point: its text, or its text with other phrasings a typed answer may use instead. */
export const pointSchema = z.union([
  text(),
  z
    .object({
      text: text().describe('The key point as the reveal shows it'),
      match: textList().optional().describe('Other phrasings that also cover it, e.g. [firewall per tool, egress allow-list]'),
    })
    .strict(),
]);

/** The "tell me about yourself" pitch. */
export const pitchSchema = z
  .object({
    prompt: text().optional().describe(`What the interviewer says; default "${DEFAULT_PITCH_PROMPT}"`),
    seconds: seconds().optional().describe(`Target length in seconds; default ${DEFAULT_PITCH_SECONDS}`),
    script: text().describe('The pitch as you would say it'),
    points: textList().optional().describe('The beats the pitch must hit'),
  })
  .strict()
  .describe('Your short answer to "tell me about yourself"');

/** A question the interviewer may ask, with a model answer. */
export const questionSchema = z
  .object({
    id: cardId()
      .optional()
      .describe('Stable id (lowercase words joined by hyphens); progress is kept under it. Default: a slug of the question'),
    question: text().describe('The question as the interviewer would ask it'),
    answer: text().describe('Your model answer'),
    points: z.array(pointSchema).optional().describe('Key points the answer must hit: text, or {text, match: [other phrasings]}'),
    tags: textList().optional().describe('Free labels, e.g. security'),
    seconds: seconds().optional().describe('Target spoken length in seconds'),
  })
  .strict();

/** A question to ask the interviewer, in its long form. */
export const askObjectSchema = z
  .object({
    id: cardId()
      .optional()
      .describe('Stable id (lowercase words joined by hyphens). Default: a slug of the question'),
    question: text().describe('The question to ask them'),
    why: text().optional().describe('Why you want to ask it'),
  })
  .strict();

/** A question to ask the interviewer: plain text, or a mapping with an id and a reason. */
export const askItemSchema = z.union([text(), askObjectSchema]);

/** A whole deck file. */
export const deckSchema = z
  .object({
    title: text().describe('The deck title, e.g. "Coder — Software Engineer, AI Tools"'),
    company: text().optional().describe('The company you are interviewing with'),
    role: text().optional().describe('The role you are interviewing for'),
    interview: z
      .string()
      .trim()
      .regex(INTERVIEW_PATTERN)
      .optional()
      .describe('Interview date, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (local time)'),
    pitch: pitchSchema.optional(),
    questions: z.array(questionSchema).optional().describe('Questions you expect, with model answers'),
    ask: z.array(askItemSchema).optional().describe('Questions to ask the interviewer'),
    aliases: z
      .record(z.string().trim().min(1), text())
      .optional()
      .describe('Words a typed answer may use for one another, e.g. {OTel: OpenTelemetry, k8s: Kubernetes}'),
  })
  .strict()
  .describe('An interview-prep deck for prep');

/** A deck file after validation: strings trimmed, optional fields possibly absent. */
export type DeckData = z.output<typeof deckSchema>;
