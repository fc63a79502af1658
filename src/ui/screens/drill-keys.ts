import type { DrillIntent, DrillSession } from '../../core/session/drill-session.js';
import type { DrillState } from '../../core/session/drill-state.js';
import { currentCard, onPitchCard, shortPitchMs } from '../../core/session/drill-pitch.js';
import { canType, typeable } from '../../core/session/drill-typing.js';
import type { ScrollAction } from '../../core/session/scroll.js';
import { Command, SCROLL_COMMANDS } from '../keymap.js';
import { scrollAction } from '../use-scroll.js';
import type { ScreenKeys } from '../use-session-input.js';

const GRADE_COMMANDS: readonly Command[] = [Command.Again, Command.Hard, Command.Good, Command.Easy];

/** The commands that mean something in each phase of the drill. */
export function drillCommands(s: DrillState): Command[] {
  // An open help closes first: ?, q and esc close it (ctrl+c still quits, in the input hook).
  if (s.help) return [Command.CloseHelp, ...SCROLL_COMMANDS];
  switch (s.phase) {
    case 'question':
      // While typing, every other key is text for the answer field.
      if (s.answer.open) return [Command.SubmitAnswer, Command.LeaveTyping];
      // The pitch is revealed by stopping its timer, never read before it is said.
      return [
        onPitchCard(s) ? Command.StartStop : Command.Reveal,
        ...(canType(s) ? [Command.TypeAnswer] : []),
        Command.Undo,
        ...SCROLL_COMMANDS,
        Command.Help,
        Command.Quit,
      ];
    case 'revealed':
      return [
        ...(s.answer.submitted?.suggested ? [Command.AcceptSuggestion] : []),
        // A very short pitch attempt stays out of the history unless enter keeps it.
        ...(shortPitchMs(s) !== null && !s.keepShortPitch ? [Command.Save] : []),
        ...GRADE_COMMANDS,
        Command.Undo,
        // Revealed, space has nothing left to reveal: it turns the page.
        Command.SpacePage,
        ...SCROLL_COMMANDS,
        Command.Help,
        Command.Quit,
      ];
    case 'empty':
      return [Command.PractiseAll, Command.Quit];
    case 'done':
      return [Command.Quit];
  }
}

const NOT_HINTED: readonly Command[] = [...GRADE_COMMANDS, ...SCROLL_COMMANDS, Command.SpacePage];

/**
 * Footer hints: the active commands, less the grades (the grade bar shows them) and the scroll
 * keys (the scroll marker shows them, when there is something to scroll).
 */
export function drillHints(s: DrillState): Command[] {
  return drillCommands(s).filter((c) => !NOT_HINTED.includes(c));
}

/**
 * The drill's help: every key of a card like the one on screen. The pitch's start/stop (and
 * enter, which keeps a very short attempt) only on the pitch; typing only on a card that takes a
 * typed answer.
 */
export function drillHelp(s: DrillState): Command[] {
  const card = currentCard(s);
  const answer = card?.kind === 'pitch' ? [Command.StartStop, Command.Save] : [Command.Reveal];
  const typing = typeable(card) ? [Command.TypeAnswer, Command.SubmitAnswer, Command.LeaveTyping, Command.AcceptSuggestion] : [];
  return [...answer, ...typing, ...GRADE_COMMANDS, Command.Undo, ...SCROLL_COMMANDS, Command.SpacePage, Command.CloseHelp];
}

const INTENT: Partial<Record<Command, DrillIntent>> = {
  [Command.Reveal]: { type: 'reveal' },
  [Command.StartStop]: { type: 'start-stop' },
  [Command.Again]: { type: 'grade', grade: 1 },
  [Command.Hard]: { type: 'grade', grade: 2 },
  [Command.Good]: { type: 'grade', grade: 3 },
  [Command.Easy]: { type: 'grade', grade: 4 },
  [Command.Undo]: { type: 'undo' },
  [Command.PractiseAll]: { type: 'practise-all' },
  [Command.Help]: { type: 'toggle-help' },
  [Command.CloseHelp]: { type: 'toggle-help' },
  [Command.TypeAnswer]: { type: 'type-open' },
  [Command.SubmitAnswer]: { type: 'type-submit' },
  [Command.LeaveTyping]: { type: 'type-leave' },
  [Command.AcceptSuggestion]: { type: 'accept-suggestion' },
  [Command.Save]: { type: 'keep-short-pitch' },
};

/** The drill's keys for the input hook; quitting is reported up to the root, scrolling to the view. */
export function drillKeys(session: Pick<DrillSession, 'send'>, onQuit: () => void, scroll: (action: ScrollAction) => void = () => {}): ScreenKeys<DrillState> {
  return {
    commands: drillCommands,
    // Typed into the answer field, a burst is text (a paste), not keys.
    takesText: (s) => s.answer.open,
    run(command) {
      if (command === Command.Quit) {
        onQuit();
        return 'stop';
      }
      const move = scrollAction(command);
      if (move) return scroll(move);
      const intent = INTENT[command];
      if (intent) session.send(intent);
    },
  };
}
