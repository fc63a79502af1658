import type { HomeSession } from '../../core/session/home-session.js';
import type { HomeAction, HomeState } from '../../core/session/home-state.js';
import { Command } from '../keymap.js';
import type { ScreenKeys } from '../use-session-input.js';

/** What the selected deck can be opened with; the footer shows these. */
const OPEN = [Command.OpenDrill, Command.OpenPitch, Command.OpenReview, Command.OpenMock, Command.OpenStats];

/** The commands that mean something on the home screen now. */
export function homeCommands(s: HomeState): Command[] {
  if (s.done) return [];
  if (s.help) return [Command.Help, Command.Quit];
  if (s.decks.length === 0) return [Command.Help, Command.Quit];
  return [Command.SelectPrevious, Command.SelectNext, ...OPEN, Command.Help, Command.Quit];
}

/** The footer: the arrows go without saying (the help lists them). */
export function homeHints(s: HomeState): Command[] {
  return homeCommands(s).filter((c) => c !== Command.SelectPrevious && c !== Command.SelectNext);
}

/** The home screen's help. */
export const HOME_HELP: readonly Command[] = [Command.SelectPrevious, Command.SelectNext, ...OPEN, Command.Help, Command.Quit];

const ACTION: Partial<Record<Command, HomeAction>> = {
  [Command.SelectPrevious]: { type: 'move', by: -1 },
  [Command.SelectNext]: { type: 'move', by: 1 },
  [Command.OpenDrill]: { type: 'choose', command: 'drill' },
  [Command.OpenPitch]: { type: 'choose', command: 'pitch' },
  [Command.OpenReview]: { type: 'choose', command: 'review' },
  [Command.OpenMock]: { type: 'choose', command: 'mock' },
  [Command.OpenStats]: { type: 'choose', command: 'stats' },
  [Command.Help]: { type: 'toggle-help' },
  [Command.Quit]: { type: 'quit' },
};

/** The home screen's keys for the input hook. */
export function homeKeys(session: Pick<HomeSession, 'send'>): ScreenKeys<HomeState> {
  return {
    commands: homeCommands,
    run(command) {
      const action = ACTION[command];
      if (action) session.send(action);
    },
  };
}
