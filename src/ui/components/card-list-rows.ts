// The measures of the card lists, shared by <RecallList>/<SlowList> and the plain-text stats report.
import type { AnswerTime } from '../../core/stats/answer-times.js';
import { answerTime } from '../format.js';

/** Cells of a recall meter. */
export const METER = 10;
/** The recall label's column: "100% " and the meter, and two spaces. */
export const RECALL_LABEL_WIDTH = METER + 7;

/** The slowest answers' times as shown, and the width of their column. */
export function slowLabels(times: readonly AnswerTime[]): { labels: string[]; width: number } {
  const labels = times.map((t) => answerTime(t.medianMs));
  return { labels, width: Math.max(...labels.map((l) => l.length)) + 2 };
}
