import { Box, Text } from 'ink';
import type { PointCoverage, Segment } from '../../core/answer/match.js';
import type { SubmittedAnswer } from '../../core/session/drill-typing.js';
import { GRADE_NAMES } from '../../core/schedule/preview.js';
import { Command, keyLabel } from '../keymap.js';
import { colorsOff } from '../theme.js';

/**
 * Text with its matched words in bold and underlined. Under NO_COLOR prep turns every style
 * off (FORCE_COLOR=0), so the words are starred instead: *threat* *model*.
 */
function Marked({ segments }: { segments: readonly Segment[] }) {
  const plainText = colorsOff();
  return (
    <Text>
      {segments.map((s, i) =>
        s.hit && plainText ? (
          `*${s.text}*`
        ) : s.hit ? (
          <Text key={i} bold underline>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </Text>
  );
}

/** How a point's words were found: its share said, and each word the answer put another way. */
function howMatched(p: PointCoverage): { share: string; why: string } {
  const share = p.words.length > 0 ? ` · ${p.matched.length}/${p.words.length} words` : '';
  const why = [
    ...(p.alternative ? [`as "${p.alternative}"`] : []),
    ...p.via.map((v) => `${v.answer} ≈ ${v.point} · ${v.rule}`),
  ].join(', ');
  return { share, why };
}

/**
 * The key points against a typed answer: each marked covered or missed with the share of its
 * words said, the matched words highlighted in the points and in the answer, the words matched
 * through a rule (a synonym, an alias, a number in words...), and the suggested grade.
 */
export function KeyPointCoverage({ answer }: { answer: SubmittedAnswer }) {
  const { coverage, suggested, text } = answer;
  const plainText = colorsOff();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={plainText ? undefined : 'yellow'}>{`Key points: ${coverage.covered}/${coverage.total} covered`}</Text>
      {coverage.points.map((p, i) => {
        // Without colour the mark says it in words.
        const mark = p.covered ? (plainText ? '✓ covered' : '✓') : plainText ? '✗ missed ' : '✗';
        const { share, why } = howMatched(p);
        return (
          <Box key={i} flexDirection="column">
            <Box>
              <Box flexShrink={0}>
                <Text color={plainText ? undefined : p.covered ? 'green' : 'red'}>{`  ${mark} `}</Text>
              </Box>
              <Text>
                <Marked segments={p.segments} />
                <Text dimColor>{share}</Text>
              </Text>
            </Box>
            {why ? <Text dimColor>{`      ${why}`}</Text> : null}
          </Box>
        );
      })}
      <Box marginTop={1}>
        <Box flexShrink={0}>
          <Text dimColor>{'You wrote: '}</Text>
        </Box>
        <Marked segments={coverage.answer} />
      </Box>
      {text && suggested ? (
        <Text>
          {'Suggested grade: '}
          <Text bold>{`${suggested} ${GRADE_NAMES[suggested]}`}</Text>
          <Text dimColor>{` (${keyLabel(Command.AcceptSuggestion)} accepts, 1-4 pick another)`}</Text>
        </Text>
      ) : null}
    </Box>
  );
}
