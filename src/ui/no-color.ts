/**
 * True when the user asked for no colour (https://no-color.org: NO_COLOR set and not empty).
 * Components that speak through colour then say it in words instead. Read at render time, so
 * tests can set it per test.
 */
export function colorsOff(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NO_COLOR);
}
