import { Box, Text } from 'ink';
import { barChart, type CellKind } from '../../core/pitch/chart.js';
import { colorsOff } from '../theme.js';

const KIND_COLOR: Record<CellKind, string | undefined> = { bar: 'green', over: 'yellow', target: 'cyan', empty: undefined };

/** Vertical bars of `values` with a dashed target line labelled `targetLabel`. */
export function PitchChart({ values, target, targetLabel, height = 4 }: {
  values: readonly number[];
  target: number;
  targetLabel: string;
  height?: number;
}) {
  const { rows, targetRow } = barChart(values, target, { height });
  const plainText = colorsOff();
  return (
    <Box flexDirection="column">
      {rows.map((segments, r) => (
        <Text key={r}>
          {segments.map((seg, i) => (
            <Text key={i} color={plainText ? undefined : KIND_COLOR[seg.kind]} dimColor={seg.kind === 'target'}>
              {seg.text}
            </Text>
          ))}
          {r === targetRow ? <Text dimColor>{` ${targetLabel}`}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
