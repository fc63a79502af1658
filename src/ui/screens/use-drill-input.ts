import { useInput } from 'ink';
import type { DrillIntent } from '../../core/session/drill-session.js';
import type { DrillState } from '../../core/session/drill-state.js';
import { onPitchCard } from '../../core/session/drill-pitch.js';
import { canType } from '../../core/session/drill-typing.js';
import { Command, commandFor, matches } from '../keymap.js';

/** The commands that mean something in each phase; also the footer's hints. */
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
        Command.Again,
        Command.Hard,
        Command.Good,
        Command.Easy,
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

const GRADE_COMMANDS: readonly Command[] = [Command.Again, Command.Hard, Command.Good, Command.Easy];

/** Footer hints: the active commands, less the grades, which the grade bar already shows. */
export function drillHints(s: DrillState): Command[] {
  return drillCommands(s).filter((c) => !GRADE_COMMANDS.includes(c));
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
};

/**
 * Maps key presses to session intents; quitting is reported up to the root. Keys typed faster
 * than a frame (e.g. "3q") reach Ink as one string: each character is handled in turn, against
 * the state the previous one left (`getState`), so none is dropped.
 */
export function useDrillInput(
  getState: () => DrillState,
  send: (i: DrillIntent) => void,
  onQuit: () => void,
  active = true,
) {
  useInput(
    (input, key) => {
      const plainKeys = input.length > 1 && !key.ctrl && !key.meta && !getState().answer.open;
      for (const ch of plainKeys ? [...input] : [input]) {
        const state = getState();
        // Typing takes q and esc as text and leaving; ctrl+c still quits.
        if (state.answer.open && key.ctrl && matches(Command.Quit, ch, key)) return onQuit();
        const command = commandFor(drillCommands(state), ch, key);
        if (!command) continue;
        if (command === Command.Quit) return onQuit();
        const intent = INTENT[command];
        if (intent) send(intent);
      }
    },
    { isActive: active },
  );
}
