import { useInput } from 'ink';
import type { PitchIntent } from '../../core/session/pitch-session.js';
import type { PitchState } from '../../core/session/pitch-state.js';
import { Command, commandFor } from '../keymap.js';

/** The commands that mean something in each phase; also the footer's hints. */
export function pitchCommands(s: PitchState): Command[] {
  if (s.quitting) return [];
  if (s.help) return [Command.Help, Command.Quit];
  switch (s.phase) {
    case 'ready':
      return [Command.StartStop, Command.ToggleScript, Command.Help, Command.Quit];
    case 'timing':
      return [Command.StartStop, Command.ToggleScript, Command.Quit];
    case 'stopped': {
      const beats = s.card.points.length > 0 ? [Command.ToggleBeat] : [];
      return [...beats, Command.Save, Command.Retry, Command.ToggleScript, Command.Help, Command.Quit];
    }
    case 'saved':
      return [Command.Retry, Command.ToggleScript, Command.Help, Command.Quit];
  }
}

const INTENT: Partial<Record<Command, PitchIntent>> = {
  [Command.StartStop]: { type: 'start-stop' },
  [Command.ToggleScript]: { type: 'toggle-script' },
  [Command.Save]: { type: 'save' },
  [Command.Retry]: { type: 'retry' },
  [Command.Help]: { type: 'toggle-help' },
  [Command.Quit]: { type: 'quit' },
};

/** Maps key presses to pitch intents; a digit ticks (or unticks) the beat of that number. */
export function usePitchInput(state: PitchState, send: (i: PitchIntent) => void, active = true) {
  useInput(
    (input, key) => {
      const command = commandFor(pitchCommands(state), input, key);
      if (!command) return;
      if (command === Command.ToggleBeat) {
        for (const digit of input) send({ type: 'toggle-beat', index: Number(digit) - 1 });
        return;
      }
      const intent = INTENT[command];
      if (intent) send(intent);
    },
    { isActive: active },
  );
}
