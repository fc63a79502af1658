import { describe, expect, it } from 'vitest';
import { controlPicture, firstControl, inert, inertStrings } from '../../../src/core/text/inert.js';

const hasControl = (text: string) => firstControl(text) !== undefined;
import { cursorRestored, unsafeSequences } from '../../helpers/terminal-scan.js';

describe('inert: control characters become visible symbols', () => {
  it('maps C0 controls to the Control Pictures block, DEL to ␡ and C1 controls to �', () => {
    expect(inert('\x1b]52;c;aGk=\x07')).toBe('␛]52;c;aGk=␇');
    expect(inert('a\x00b\rc\x1bc')).toBe('a␀b␍c␛c');
    expect(inert('del\x7f')).toBe('del␡');
    expect(inert('csi\x9b2J osc\x9d0;t\x9c nel\x85')).toBe('csi�2J osc�0;t� nel�');
  });

  it('replaces every one of the 64 + 1 + 32 control characters, one character for one', () => {
    const controls = [...Array(0x20).keys(), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)]
      .filter((c) => c !== 0x09 && c !== 0x0a)
      .map((c) => String.fromCharCode(c));
    for (const ch of controls) {
      const out = inert(`x${ch}y`);
      expect(out).toHaveLength(3);
      expect(hasControl(out)).toBe(false);
      expect(out[1]).toBe(controlPicture(ch));
    }
  });

  it('keeps tab, newline and all ordinary text as they are, and returns the very same string when clean', () => {
    const text = 'tab\there\nnewline — 面接 🚀 e\u0301 ␛ already a symbol';
    expect(inert(text)).toBe(text);
    expect(hasControl(text)).toBe(false);
  });

  it('names the first control character for messages', () => {
    expect(firstControl('ok \x07 then \x1b')).toEqual({ code: 'U+0007', shown: '␇' });
    expect(firstControl('\u009b')).toEqual({ code: 'U+009B', shown: '�' });
    expect(firstControl('clean')).toBeUndefined();
  });

  it('inertStrings cleans every string of nested data and cannot set a prototype', () => {
    const data = JSON.parse('{"t":"\\u001b[2J","list":["\\u0007",{"deep":"\\u009d"}],"n":3,"__proto__":{"polluted":"\\u001b"},"none":null}') as Record<string, unknown>;
    const out = inertStrings(data);
    expect(out.t).toBe('␛[2J');
    expect(out.list).toEqual(['␇', { deep: '�' }]);
    expect(out.n).toBe(3);
    expect(out.none).toBeNull();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the raw-output scanner used by the terminal tests', () => {
  it('passes what Ink writes', () => {
    const ink = '\x1b[?25l\x1b[?2026h\x1b[2K\x1b[1A\x1b[2K\x1b[G\x1b[1mtitle\x1b[22m \x1b[38;5;12mx\x1b[39m\r\n\x1b[2J\x1b[3J\x1b[H\x1b[?2026l\x1b[?25h';
    expect(unsafeSequences(ink)).toEqual([]);
    expect(cursorRestored(ink)).toBe(true);
  });

  it('flags OSC, ESC c, private modes, device queries, BEL, NUL, DEL and C1, wherever they are', () => {
    for (const bad of ['\x1b]52;c;aGk=\x07', '\x1b]0;title\x1b\\', '\x1bc', '\x1b[?1049h', '\x1b[6n', '\x1b[5 q', '\x07', '\x00', '\x7f', '\x9b2J', '\x1b7']) {
      expect(unsafeSequences(`ok ${bad} ok`).length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });

  it('sees a hidden cursor that was never shown again', () => {
    expect(cursorRestored('\x1b[?25hstart\x1b[?25l')).toBe(false);
  });
});
