import type { MockIntent, MockSession } from '../../core/session/mock-session.js';
import { typesAnswer, type MockState } from '../../core/session/mock-state.js';
import type { ScrollAction } from '../../core/session/scroll.js';
import { Command, SCROLL_COMMANDS } from '../keymap.js';
import { scrollAction } from '../use-scroll.js';
import type { ScreenKeys } from '../use-session-input.js';

const GRADE_COMMANDS: readonly Command[] = [Command.Again, Command.Hard, Command.Good, Command.Easy];

/** The footer's hints: the commands of the phase, less the scroll keys (the scroll marker shows them). */
export function mockHints(s: MockState): Command[] {
  return mockCommands(s).filter((c) => !SCROLL_COMMANDS.includes(c));
}

/**
 * The commands that mean something in each phase of a mock. The scroll keys come after the
 * phase's own, so space ends an answer while answering and pages the scorecard after it.
 */
export function mockCommands(s: MockState): Command[] {
  if (s.quitting) return [];
  if (s.help) return [Command.Help, Command.Quit, ...SCROLL_COMMANDS];
  if (s.phase === 'answering' && s.typing) return phaseCommands(s);
  return [...phaseCommands(s), ...SCROLL_COMMANDS];
}

function phaseCommands(s: MockState): Command[] {
  switch (s.phase) {
    case 'speaking':
      return [Command.SkipQuestion, Command.Quit];
    case 'answering': {
      if (s.typing) return [Command.DoneTyping, Command.LeaveTyping];
      const type = typesAnswer(s.config, s.items[s.index]?.card) ? [Command.TypeAnswer] : [];
      return [Command.DoneAnswering, Command.SkipQuestion, ...type, Command.Help, Command.Quit];
    }
    case 'grading': {
      const accept = s.items[s.index]?.answer?.suggested ? [Command.AcceptSuggestion] : [];
      return [...accept, ...GRADE_COMMANDS, Command.LeaveUngraded, Command.Help, Command.Quit];
    }
    case 'finished':
      return [Command.Quit];
  }
}

/** The mock's help: every key of the rehearsal and of the scorecard. */
export function mockHelp(s: MockState): Command[] {
  // The drill's typing keys speak of a reveal, which a mock does not have: its own words instead.
  const typing = s.config.type ? [Command.DoneTyping, Command.AcceptSuggestion] : [];
  return [Command.DoneAnswering, ...typing, Command.SkipQuestion, Command.LeaveUngraded, ...GRADE_COMMANDS, ...SCROLL_COMMANDS, Command.Help, Command.Quit];
}

const INTENT: Partial<Record<Command, MockIntent>> = {
  [Command.DoneAnswering]: { type: 'done' },
  [Command.DoneTyping]: { type: 'done' },
  [Command.SkipQuestion]: { type: 'skip' },
  [Command.TypeAnswer]: { type: 'type-open' },
  [Command.LeaveTyping]: { type: 'type-leave' },
  [Command.Again]: { type: 'grade', grade: 1 },
  [Command.Hard]: { type: 'grade', grade: 2 },
  [Command.Good]: { type: 'grade', grade: 3 },
  [Command.Easy]: { type: 'grade', grade: 4 },
  [Command.AcceptSuggestion]: { type: 'accept-suggestion' },
  [Command.LeaveUngraded]: { type: 'not-graded' },
  [Command.Help]: { type: 'toggle-help' },
  [Command.Quit]: { type: 'quit' },
};

/** The mock screen's keys for the input hook. */
export function mockKeys(session: Pick<MockSession, 'send'>, scroll: (action: ScrollAction) => void = () => {}): ScreenKeys<MockState> {
  return {
    commands: mockCommands,
    takesText: (s) => s.phase === 'answering' && s.typing,
    run(command) {
      const move = scrollAction(command);
      if (move) return scroll(move);
      const intent = INTENT[command];
      if (intent) session.send(intent);
      return command === Command.Quit ? 'stop' : undefined;
    },
  };
}
