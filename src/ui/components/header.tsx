import { Box, Text } from 'ink';
import type { CardKind } from '../../core/deck/types.js';

const KIND_LABEL: Record<CardKind, string> = { question: 'Question', pitch: 'Pitch', ask: 'Ask them' };

/** Deck title on the left; position and card kind on the right. */
export function Header({ title, index, total, kind, note }: {
  title: string;
  index: number;
  total: number;
  kind?: CardKind;
  note?: string;
}) {
  return (
    <Box justifyContent="space-between" borderStyle="round" borderDimColor paddingX={1}>
      <Box flexShrink={1}>
        <Text bold wrap="truncate-end">{title}</Text>
        {note ? <Text dimColor wrap="truncate-end">{`  ${note}`}</Text> : null}
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text>
          {kind ? <Text color="cyan">{KIND_LABEL[kind]}</Text> : null}
          {total > 0 ? <Text dimColor>{`  ${index}/${total}`}</Text> : null}
        </Text>
      </Box>
    </Box>
  );
}
