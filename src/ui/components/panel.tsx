import type { ReactNode } from 'react';
import { Box } from 'ink';
import { Tint } from './tint.js';

/** A titled block of the stats screen; in a row, panels share the width equally. */
export function Panel({ title, note, inRow = false, children }: {
  title: string;
  note?: string;
  inRow?: boolean;
  children?: ReactNode;
}) {
  return (
    <Box flexDirection="column" marginTop={1} {...(inRow ? { flexGrow: 1, flexBasis: 0, minWidth: 0 } : {})}>
      <Box>
        <Tint bold color="cyan">
          {title}
        </Tint>
        {note ? <Tint dim wrap="truncate-end">{`  ${note}`}</Tint> : null}
      </Box>
      {children}
    </Box>
  );
}

/** Panels side by side when there is room, one under the other when not. */
export function PanelRow({ wide, children }: { wide: boolean; children?: ReactNode }) {
  return wide ? (
    <Box flexDirection="row" columnGap={4}>
      {children}
    </Box>
  ) : (
    <Box flexDirection="column">{children}</Box>
  );
}
