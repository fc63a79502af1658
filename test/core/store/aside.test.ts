import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyAside, fileStamp, moveAside } from '../../../src/core/store/aside.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome();
const now = new Date('2024-05-01T10:00:00.000Z');
afterEach(() => vi.restoreAllMocks());

describe('files moved or copied aside', () => {
  it('are named after the file, the reason and the time, with no colons', () => {
    expect(fileStamp(new Date('2024-05-01T10:07:09.042Z'))).toBe('2024-05-01T10-07-09-042Z');
    const file = path.join(home().dir, 'coder.jsonl');
    fs.writeFileSync(file, 'damaged');
    expect(moveAside(file, 'unreadable', now)).toBe(`${file}.unreadable-2024-05-01T10-00-00-000Z`);
    expect(copyAside(file, 'torn', Buffer.from('{"v":1,"ty'), now)).toBe(`${file}.torn-2024-05-01T10-00-00-000Z`);
  });

  it('never overwrite an earlier one made in the same millisecond', () => {
    const file = path.join(home().dir, 'coder.jsonl');
    const moved: string[] = [];
    for (const text of ['first', 'second', 'third']) {
      fs.writeFileSync(file, text);
      moved.push(moveAside(file, 'unreadable', now));
    }
    const base = `${file}.unreadable-2024-05-01T10-00-00-000Z`;
    expect(moved).toEqual([base, `${base}-2`, `${base}-3`]);
    expect(moved.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(['first', 'second', 'third']);
    expect(fs.existsSync(file)).toBe(false);

    const copies = ['one', 'two'].map((text) => copyAside(file, 'torn', Buffer.from(text), now));
    const torn = `${file}.torn-2024-05-01T10-00-00-000Z`;
    expect(copies).toEqual([torn, `${torn}-2`]);
    expect(copies.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(['one', 'two']);
    // A copy holds a fragment of the user's log: private, like the log.
    expect(fs.statSync(copies[0]!).mode & 0o777).toBe(0o600);
  });

  it('use the current time when none is given', () => {
    const file = path.join(home().dir, 'coder.jsonl');
    fs.writeFileSync(file, 'x');
    const before = Date.now();
    const moved = moveAside(file, 'unreadable');
    const stamp = /unreadable-(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/.exec(moved);
    expect(stamp).not.toBeNull();
    const at = Date.parse(`${stamp![1]}:${stamp![2]}:${stamp![3]}.${stamp![4]}Z`);
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('never clobber a file that appears under the chosen name before the copy is written', () => {
    const file = path.join(home().dir, 'coder.jsonl');
    const taken = `${file}.torn-2024-05-01T10-00-00-000Z`;
    fs.writeFileSync(taken, 'precious');
    // The name looked free when checked (another process took it just after).
    vi.spyOn(fs, 'existsSync').mockReturnValue(false);
    expect(() => copyAside(file, 'torn', Buffer.from('fragment'), now)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readFileSync(taken, 'utf8')).toBe('precious');
    // Nor leave the copy it could not place.
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(taken)]);
  });
});
