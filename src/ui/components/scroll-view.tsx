import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { hiddenLines } from '../../core/session/scroll.js';
import { keyLabel, Command } from '../keymap.js';
import type { Scroll } from '../use-scroll.js';

/**
 * The scrolling part of a screen: its children at full height, clipped to the room the rest of
 * the frame leaves and moved up by the offset. Put it between the pinned parts (header above,
 * marker and key bar below) inside a root Box with `ref={scroll.root}` and `height={scroll.height}`.
 */
export function ScrollView({ scroll, children }: { scroll: Scroll; children: ReactNode }) {
  return (
    <Box ref={scroll.viewport} flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
      <Box ref={scroll.content} flexDirection="column" flexShrink={0} marginTop={-scroll.state.offset}>
        {children}
      </Box>
    </Box>
  );
}

/** "↑ 3 more · ↓ 6 more", and the keys that scroll; one line, only while the body overflows. */
export function ScrollMarker({ scroll }: { scroll: Scroll }) {
  if (!scroll.overflow) return null;
  const { above, below } = hiddenLines(scroll.state);
  const where = [above > 0 ? `↑ ${above} more` : null, below > 0 ? `↓ ${below} more` : null].filter(Boolean).join(' · ');
  const keys = `${keyLabel(Command.LineUp)} ${keyLabel(Command.LineDown)} scroll`;
  return (
    <Box paddingX={1} columnGap={2}>
      <Text bold>{where || 'all shown'}</Text>
      <Text dimColor wrap="truncate-end">
        {keys}
      </Text>
    </Box>
  );
}
