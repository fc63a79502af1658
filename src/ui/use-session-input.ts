import { useInput } from 'ink';
import { Command, commandFor, matches } from './keymap.js';

/** What a screen tells the input hook: which commands its state offers, and what each does. */
export interface ScreenKeys<S> {
  /** The commands that do something in `state`; other keys are ignored. */
  commands(state: S): readonly Command[];
  /** Runs `command`, pressed as `input`, on `state`. Return 'stop' to drop the keys after it. */
  run(command: Command, input: string, state: S): void | 'stop';
  /** While true, a burst of characters is one piece of text (typed into a field), not keys. */
  takesText?(state: S): boolean;
}

/**
 * The one input hook of every interactive screen. Each key is matched through the keymap
 * against the store's state at that moment (`getState()`), never a state captured at render:
 * keys typed faster than a frame (e.g. "3q") reach Ink as one string, and each character is
 * handled in turn against the state the previous one left, so none is dropped or misread.
 * ctrl+c quits everywhere, even where q and esc mean something else (a text field).
 */
export function useSessionInput<S>(getState: () => S, keys: ScreenKeys<S>, active = true): void {
  useInput(
    (input, key) => {
      const several = input.length > 1 && !key.ctrl && !key.meta && !keys.takesText?.(getState());
      for (const ch of several ? [...input] : [input]) {
        const state = getState();
        const command = key.ctrl && matches(Command.Quit, ch, key) ? Command.Quit : commandFor(keys.commands(state), ch, key);
        if (command && keys.run(command, ch, state) === 'stop') return;
      }
    },
    { isActive: active },
  );
}
