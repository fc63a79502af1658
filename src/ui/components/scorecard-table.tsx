import { Box } from 'ink';
import type { Scorecard } from '../../core/session/mock-view.js';
import { GRADE_NAMES } from '../../core/schedule/preview.js';
import type { Grade } from '../../core/store/log-records.js';
import { answerTime, percent, shortDate } from '../format.js';
import { Tint } from './tint.js';

/**
 * The scorecard: a row per answer (time against its target, over or under, the grade), then
 * the totals. Colour goes through <Tint>, so it reads the same under NO_COLOR, where "over"
 * and "skipped" are already words. Shared by the live screen and `prep mock --last`.
 */
export function ScorecardTable({ card, wide }: { card: Scorecard; wide: boolean }) {
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={3} flexShrink={0}>
          <Tint dim>#</Tint>
        </Box>
        <Box flexGrow={1} flexShrink={1} minWidth={4}>
          <Tint dim wrap="truncate-end">Question</Tint>
        </Box>
        <Box width={wide ? 26 : 17} flexShrink={0}>
          <Tint dim>{wide ? 'time / target' : 'time'}</Tint>
        </Box>
        <Box width={8} flexShrink={0}>
          <Tint dim>grade</Tint>
        </Box>
      </Box>
      {card.rows.map((r, i) => (
        <Box key={i}>
          <Box width={3} flexShrink={0}>
            <Tint bold>{r.mark}</Tint>
          </Box>
          <Box flexGrow={1} flexShrink={1} minWidth={4}>
            <Tint wrap="truncate-end">{r.prompt}</Tint>
          </Box>
          <Box width={wide ? 26 : 17} flexShrink={0}>
            <Tint>{wide ? `${r.time.padStart(5)} / ${r.target.padEnd(5)} ` : `${r.time.padStart(5)} `}</Tint>
            <Tint color={r.over ? 'red' : r.verdict === 'under' ? 'green' : undefined} dim={r.verdict === 'skipped'}>
              {wide ? r.verdict : r.verdict.replace(/ over$/, '')}
            </Tint>
          </Box>
          <Box width={8} flexShrink={0}>
            <Tint dim={r.grade === '·'}>{r.grade}</Tint>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** The totals under the rows. */
export function ScorecardTotals({ card }: { card: Scorecard }) {
  const t = card.totals;
  const given = ([1, 2, 3, 4] as Grade[]).filter((g) => t.grades[g] > 0).map((g) => `${t.grades[g]} ${GRADE_NAMES[g]}`);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Tint>
        {`Time in all ${answerTime(t.ms)} · ${t.answered} answered${t.skipped ? `, ${t.skipped} skipped` : ''} · `}
        <Tint bold color={t.overTime > 0 ? 'red' : 'green'}>{`${t.overTime} of ${t.timed} over time`}</Tint>
      </Tint>
      <Tint>
        {given.length ? `Grades: ${given.join(', ')} · mean ${t.meanGrade!.toFixed(1)}` : 'Grades: none given'}
      </Tint>
      {t.pitch ? <Tint>{`Pitch: ${t.pitch}`}</Tint> : null}
      {t.interview && t.recallAtInterview !== null ? (
        <Tint>{`Recall at the interview (${shortDate(t.interview)}): ${percent(t.recallAtInterview)} mean over these cards`}</Tint>
      ) : (
        <Tint dim>{'Recall at the interview: no interview date ahead (set one with prep drill --interview)'}</Tint>
      )}
    </Box>
  );
}
