import type { DrillIntent, DrillSession } from '../../core/session/drill-session.js';
import type { DrillState } from '../../core/session/drill-state.js';
import { currentCard, onPitchCard, shortPitchMs } from '../../core/session/drill-pitch.js';
import { canType, typeable } from '../../core/session/drill-typing.js';
import { Command } from '../keymap.js';
import type { ScreenKeys } from '../use-session-input.js';

const GRADE_COMMANDS: readonly Command[] = [Command.Again, Command.Hard, Command.Good, Command.Easy];

/** The commands that mean something in each phase of the drill. */
export function drillCommands(s: DrillState): Command[] {
  if (s.help) return [Command.Help, Command.Quit];
  switch (s.phase) {
    case 'question':
      // While typing, every other key is text for the answer field.
      if (s.answer.open) return [Command.SubmitAnswer, Command.LeaveTyping];
      // The pitch is revealed by stopping its timer, never read before it is said.
      return [
        onPitchCard(s) ? Command.StartStop : Command.Reveal,
        ...(canType(s) ? [Command.TypeAnswer] : []),
        Command.Undo,
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
        Command.Help,
        Command.Quit,
      ];
    case 'empty':
      return [Command.PractiseAll, Command.Quit];
    case 'done':
      return [Command.Quit];
  }
}

/** Footer hints: the active commands, less the grades, which the grade bar already shows. */
export function drillHints(s: DrillState): Command[] {
  return drillCommands(s).filter((c) => !GRADE_COMMANDS.includes(c));
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
  return [...answer, ...typing, ...GRADE_COMMANDS, Command.Undo, Command.Help, Command.Quit];
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
  [Command.TypeAnswer]: { type: 'type-open' },
  [Command.SubmitAnswer]: { type: 'type-submit' },
  [Command.LeaveTyping]: { type: 'type-leave' },
  [Command.AcceptSuggestion]: { type: 'accept-suggestion' },
  [Command.Save]: { type: 'keep-short-pitch' },
};

/** The drill's keys for the input hook; quitting is reported up to the root. */
export function drillKeys(session: Pick<DrillSession, 'send'>, onQuit: () => void): ScreenKeys<DrillState> {
  return {
    commands: drillCommands,
    // Typed into the answer field, a burst is text (a paste), not keys.
    takesText: (s) => s.answer.open,
    run(command) {
      if (command === Command.Quit) {
        onQuit();
        return 'stop';
      }
      const intent = INTENT[command];
      if (intent) session.send(intent);
    },
  };
}
