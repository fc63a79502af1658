import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_DECK, putDeck } from '../helpers/e2e-home.js';
import { childOf } from '../helpers/pty-tools.js';
import { Pty } from '../helpers/pty.js';
import { PREP, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

const RECORDER = fileURLToPath(new URL('../helpers/exit-recorder.mjs', import.meta.url));
const home = useTempHome('prep-away-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

async function until<T>(get: () => T | null | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('when the terminal goes away or is handed back', () => {
  it('closing the terminal ends prep with 129: no crash, no stack trace, no native abort', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const result = path.join(dir, 'exit.json');
    pty = new Pty(['node', RECORDER, result, PREP, 'drill', 'plain'], { env: { ...process.env, PREP_HOME: dir } });
    await pty.waitFor('Alpha question?');
    // The terminal emulator goes: its side of the pseudo-terminal closes (script is killed),
    // and the kernel hangs up prep's side (SIGHUP, then EIO on every read and write).
    const recorder = await until(() => pty!.pid(), 'the recorder');
    await until(() => childOf(recorder), 'prep');
    pty.hangUp();
    const ended = await until(() => (fs.existsSync(result) ? (JSON.parse(fs.readFileSync(result, 'utf8')) as { code: number | null; signal: string | null; stderr: string }) : null), 'prep to end');
    expect(ended.signal).toBeNull();
    expect(ended.code).toBe(129);
    expect(ended.stderr).not.toMatch(STACK_TRACE);
    expect(ended.stderr).not.toMatch(/Assertion failed|Native stack/);
  });

  it('Ctrl+Z stops prep with the terminal put back; fg redraws the screen and keys work again', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    pty = new Pty(['bash', '--norc', '--noprofile', '-i'], { env: { ...process.env, PREP_HOME: dir } });
    await pty.waitFor(/[$#] $/m);
    pty.write(`PS1='sh$ '\r`);
    await pty.waitFor(/^sh\$ $/m);
    pty.write(`node ${PREP} drill plain\r`);
    await pty.waitFor('Alpha question?');
    const running = pty.raw.length;
    pty.write('\x1a');
    await pty.waitFor('Stopped');
    // The cursor the drill hid is shown again before the shell takes the terminal back.
    expect(pty.raw.slice(running)).toContain('\x1b[?25h');
    const before = pty.raw.length;
    pty.write('fg\r');
    // The whole frame is drawn again after fg, not only what changed.
    await until(() => (pty!.raw.slice(before).includes('Alpha question?') ? true : null), 'the redraw');
    await pty.waitFor('Alpha question?');
    pty.write(' ');
    await pty.waitFor('Alpha answer.');
    pty.write('3');
    await pty.waitFor('Beta question?');
    pty.write('\x03');
    await pty.waitFor(/Reviewed 1 card[\s\S]*sh\$ $/m);
  });
});
