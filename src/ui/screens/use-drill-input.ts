import { useInput } from 'ink';
import type { DrillIntent } from '../../core/session/drill-session.js';
import type { DrillState } from '../../core/session/drill-state.js';
import { Command, commandFor } from '../keymap.js';

/** The commands that mean something in each phase; also the footer's hints. */
export function drillCommands(s: DrillState): Command[] {
  if (s.help) return [Command.Help, Command.Quit];
  switch (s.phase) {
    case 'question':
      return [Command.Reveal, Command.Undo, Command.Help, Command.Quit];
    case 'revealed':
      return [Command.Again, Command.Hard, Command.Good, Command.Easy, Command.Undo, Command.Help, Command.Quit];
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
  [Command.Again]: { type: 'grade', grade: 1 },
  [Command.Hard]: { type: 'grade', grade: 2 },
  [Command.Good]: { type: 'grade', grade: 3 },
  [Command.Easy]: { type: 'grade', grade: 4 },
  [Command.Undo]: { type: 'undo' },
  [Command.PractiseAll]: { type: 'practise-all' },
  [Command.Help]: { type: 'toggle-help' },
};

/** Maps key presses to session intents; quitting is reported up to the root. */
export function useDrillInput(state: DrillState, send: (i: DrillIntent) => void, onQuit: () => void, active = true) {
  useInput(
    (input, key) => {
      const command = commandFor(drillCommands(state), input, key);
      if (!command) return;
      if (command === Command.Quit) return onQuit();
      const intent = INTENT[command];
      if (intent) send(intent);
    },
    { isActive: active },
  );
}
