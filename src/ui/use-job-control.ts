import { useEffect } from 'react';
import { useInput, useStdin, useStdout } from 'ink';

const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
const CLEAR_SCREEN = '\x1b[2J\x1b[H';

/**
 * Job control as a shell user expects it: Ctrl+Z (a key in raw mode, so the terminal does not
 * turn it into a signal) or `kill -TSTP` puts the terminal back (cursor shown, raw mode off) and
 * stops prep; `fg` (SIGCONT) turns raw mode on again and redraws the whole screen, which the
 * shell has written over. Ctrl+Z is a terminal convention, not a prep command, so it is bound
 * here rather than in the keymap, on every screen alike.
 */
export function useJobControl(): void {
  const { stdin, setRawMode, isRawModeSupported } = useStdin();
  const { stdout, write } = useStdout();

  useEffect(() => {
    if (!isRawModeSupported) return;
    const resume = () => {
      try {
        stdin.setRawMode?.(true);
        stdout.write(HIDE_CURSOR + CLEAR_SCREEN);
        // Ink's write() erases its last frame and draws it again in full.
        write('');
      } catch {
        // A terminal that went away meanwhile: the hang-up handling ends prep.
      }
    };
    const stop = () => {
      try {
        stdin.setRawMode?.(false);
        stdout.write(SHOW_CURSOR);
      } catch {
        // Stop anyway.
      }
      // SIGSTOP, not SIGTSTP: prep handles SIGTSTP itself (this function), and SIGSTOP cannot be.
      process.kill(process.pid, 'SIGSTOP');
    };
    process.on('SIGCONT', resume);
    process.on('SIGTSTP', stop);
    return () => {
      process.off('SIGCONT', resume);
      process.off('SIGTSTP', stop);
    };
  }, [stdin, stdout, write, isRawModeSupported, setRawMode]);

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'z') process.emit('SIGTSTP');
    },
    { isActive: isRawModeSupported },
  );
}
