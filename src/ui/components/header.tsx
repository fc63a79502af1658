import { Box, Text } from 'ink';
import type { CardKind } from '../../core/deck/types.js';
import type { SessionProgress } from '../../core/session/drill-state.js';
import { tone } from '../theme.js';
import { useColumns } from '../use-columns.js';

export const KIND_LABEL: Record<CardKind, string> = { question: 'Question', pitch: 'Pitch', ask: 'Ask them' };
const BAR = 8;

/** "4 left · 2 learning", or "done" when nothing is. */
export function leftText(p: SessionProgress): string {
  return `${p.left} left${p.learning > 0 ? ` · ${p.learning} learning` : ''}`;
}

/**
 * The interview reminder that fits `room` columns beside a title of at least a few characters:
 * the long form, then "Interview in 3 d", then "in 3 d". The title is the one cut, never the date.
 */
export function fitNote(title: string, room: number, note?: string, short?: string): string | undefined {
  if (!note) return undefined;
  const candidates = short ? [note, `Interview ${short}`, short] : [note];
  const titleMin = Math.min(title.length, 12);
  return candidates.find((c) => titleMin + 2 + c.length <= room) ?? candidates.at(-1);
}

/** Deck title and interview on the left; card kind, what is left and a thin bar on the right. */
export function Header({ title, kind, kindLabel, progress, note, noteShort }: {
  title: string;
  kind?: CardKind;
  /** Replaces the kind's name, e.g. "Ask 2/3". */
  kindLabel?: string;
  progress?: SessionProgress | null;
  note?: string;
  noteShort?: string;
}) {
  const columns = useColumns();
  const inner = columns - 4;
  const label = kind ? (kindLabel ?? KIND_LABEL[kind]) : '';
  const left = progress ? leftText(progress) : '';
  // The bar only where it leaves the title room: 70 columns and up.
  const total = progress ? progress.done + progress.left : 0;
  const bar = progress && total > 0 && columns >= 70 ? Math.round((progress.done / total) * BAR) : null;
  const right = [label, bar !== null ? '.'.repeat(BAR) : '', left].filter(Boolean).join('  ');
  const shown = fitNote(title, inner - right.length - 1, note, noteShort);
  return (
    <Box justifyContent="space-between" borderStyle="round" borderDimColor paddingX={1}>
      <Box flexShrink={1}>
        <Text bold wrap="truncate-end">{title}</Text>
      </Box>
      <Box flexGrow={1} flexShrink={shown && shown.length + 2 > inner - right.length - 1 ? 1 : 0}>
        {shown ? <Text dimColor wrap="truncate-end">{`  ${shown}`}</Text> : null}
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text>
          {label ? <Text color={tone('accent')}>{label}</Text> : null}
          {bar !== null ? (
            <>
              {'  '}
              <Text color={tone('good')} aria-hidden>{'━'.repeat(bar)}</Text>
              <Text dimColor aria-hidden>{'─'.repeat(BAR - bar)}</Text>
            </>
          ) : null}
          {left ? <Text dimColor>{`  ${left}`}</Text> : null}
        </Text>
      </Box>
    </Box>
  );
}
