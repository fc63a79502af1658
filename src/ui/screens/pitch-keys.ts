import type { PitchIntent, PitchSession } from '../../core/session/pitch-session.js';
import type { PitchState } from '../../core/session/pitch-state.js';
import { Command } from '../keymap.js';
import type { ScreenKeys } from '../use-session-input.js';

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

/** The pitch screen's help: its own keys, no grades and no reveal. */
export function pitchHelp(s: PitchState): Command[] {
  const beats = s.card.points.length > 0 ? [Command.ToggleBeat] : [];
  return [Command.StartStop, Command.ToggleScript, ...beats, Command.Save, Command.Retry, Command.Help, Command.Quit];
}

const INTENT: Partial<Record<Command, PitchIntent>> = {
  [Command.StartStop]: { type: 'start-stop' },
  [Command.ToggleScript]: { type: 'toggle-script' },
  [Command.Save]: { type: 'save' },
  [Command.Retry]: { type: 'retry' },
  [Command.Help]: { type: 'toggle-help' },
  [Command.Quit]: { type: 'quit' },
};

/** The pitch screen's keys for the input hook; a digit ticks (or unticks) the beat of that number. */
export function pitchKeys(session: Pick<PitchSession, 'send'>): ScreenKeys<PitchState> {
  return {
    commands: pitchCommands,
    run(command, input) {
      if (command === Command.ToggleBeat) {
        session.send({ type: 'toggle-beat', index: Number(input) - 1 });
        return;
      }
      const intent = INTENT[command];
      if (intent) session.send(intent);
    },
  };
}
