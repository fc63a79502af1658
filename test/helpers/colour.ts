import chalk from 'chalk';
import { afterAll, beforeAll } from 'vitest';

/**
 * Colour on for the tests of the calling file, as on a real terminal: without it every frame
 * would be plain anyway and a NO_COLOR test could not fail. Sets both what prep reads
 * (FORCE_COLOR, see wantsColour) and the level of the colour library Ink draws with, and puts
 * both back after the file. Setting FORCE_COLOR before Ink loads is not enough: the test
 * files share one process, so the library may have been loaded (and its level fixed) by an
 * earlier file, and a level left on would colour the frames of the files after this one.
 */
export function useColour(): void {
  let level: typeof chalk.level;
  let force: string | undefined;
  beforeAll(() => {
    level = chalk.level;
    force = process.env.FORCE_COLOR;
    chalk.level = 3;
    process.env.FORCE_COLOR = '3';
  });
  afterAll(() => {
    chalk.level = level;
    if (force === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = force;
  });
}
