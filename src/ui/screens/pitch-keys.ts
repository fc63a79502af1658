import type { PitchIntent, PitchSession } from '../../core/session/pitch-session.js';
import type { PitchState } from '../../core/session/pitch-state.js';
import type { ScrollAction } from '../../core/session/scroll.js';
import { Command, SCROLL_COMMANDS } from '../keymap.js';
import { scrollAction } from '../use-scroll.js';
import type { ScreenKeys } from '../use-session-input.js';

/** The footer's hints: the commands of the phase, less the scroll keys (the scroll marker shows them). */
export function pitchHints(s: PitchState): Command[] {
  return pitchCommands(s).filter((c) => !SCROLL_COMMANDS.includes(c));
}

/** The commands that mean something in each phase. */
export function pitchCommands(s: PitchState): Command[] {
  if (s.quitting) return [];
  // An open help closes first: ?, q and esc close it (ctrl+c still quits, in the input hook).
  if (s.help) return [Command.CloseHelp, ...SCROLL_COMMANDS];
  return [...phaseCommands(s), ...SCROLL_COMMANDS];
}

function phaseCommands(s: PitchState): Command[] {
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
  return [Command.StartStop, Command.ToggleScript, ...beats, Command.Save, Command.Retry, ...SCROLL_COMMANDS, Command.CloseHelp];
}

const INTENT: Partial<Record<Command, PitchIntent>> = {
  [Command.StartStop]: { type: 'start-stop' },
  [Command.ToggleScript]: { type: 'toggle-script' },
  [Command.Save]: { type: 'save' },
  [Command.Retry]: { type: 'retry' },
  [Command.Help]: { type: 'toggle-help' },
  [Command.CloseHelp]: { type: 'toggle-help' },
  [Command.Quit]: { type: 'quit' },
};

/** The pitch screen's keys for the input hook; a digit ticks (or unticks) the beat of that number. */
export function pitchKeys(session: Pick<PitchSession, 'send'>, scroll: (action: ScrollAction) => void = () => {}): ScreenKeys<PitchState> {
  return {
    commands: pitchCommands,
    run(command, input) {
      const move = scrollAction(command);
      if (move) return scroll(move);
      if (command === Command.ToggleBeat) {
        session.send({ type: 'toggle-beat', index: Number(input) - 1 });
        return;
      }
      const intent = INTENT[command];
      if (intent) session.send(intent);
    },
  };
}
