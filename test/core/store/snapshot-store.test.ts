import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotDigest } from '../../../src/core/schedule/snapshot.js';
import { digestCheckedOnRead, loadSnapshot, saveSnapshot, snapshotPath, type ReplaySnapshot } from '../../../src/core/store/snapshot-store.js';
import { useTempHome } from '../../helpers/temp-home.js';

// The snapshot is a cache of the log. A start trusts the one prep wrote, byte for byte, without
// encoding its rows again; anything else must be checked (or rebuilt), never taken on faith.
const home = useTempHome('prep-snapstore-');

function snapshot(): ReplaySnapshot {
  const content = {
    v: 4 as const,
    retention: 0.9,
    at: { offset: 120, lines: 2, last: { length: 60, hash: 'ab12' } },
    ids: ['q1'],
    numbers: Buffer.from(new Float64Array([1_790_000_000_000, 3.2]).buffer).toString('base64'),
    marks: Buffer.from('["x"]\n').toString('base64'),
    undone: ['g7'],
    lastPractised: 1_780_000_000_000,
  };
  return { ...content, digest: snapshotDigest(content) };
}

describe('a saved snapshot read back', () => {
  it('is the same snapshot, known to fit its digest without encoding it again', () => {
    const snap = snapshot();
    expect(saveSnapshot(home().dir, 'coder', snap)).toBe(true);
    const back = loadSnapshot(home().dir, 'coder')!;
    expect(back).toEqual(snap);
    expect(digestCheckedOnRead(back)).toBe(true);
    // One built in memory was never read from a file: it must be checked by encoding it.
    expect(digestCheckedOnRead(snap)).toBe(false);
  });

  it('with card ids in any script, is known to fit its digest (checked over the bytes read)', () => {
    const content = { ...snapshot(), ids: ['café', 'вопрос', '質問', '🙂'], undone: ['ünïcödé'] };
    const { digest: _, ...rest } = content;
    const snap = { ...rest, digest: snapshotDigest(rest) };
    saveSnapshot(home().dir, 'coder', snap);
    const back = loadSnapshot(home().dir, 'coder')!;
    expect(back).toEqual(snap);
    expect(digestCheckedOnRead(back)).toBe(true);
    // One character changed in a multi-byte id, the digest kept: not taken as checked.
    const file = snapshotPath(home().dir, 'coder');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('質問', '質門'));
    expect(digestCheckedOnRead(loadSnapshot(home().dir, 'coder')!)).toBe(false);
  });

  it('laid out another way, is read but left to the full check', () => {
    const snap = snapshot();
    fs.mkdirSync(`${home().dir}/snapshots`);
    fs.writeFileSync(snapshotPath(home().dir, 'coder'), JSON.stringify({ snapshot: snap }, null, 2));
    const back = loadSnapshot(home().dir, 'coder')!;
    expect(back).toEqual(snap);
    expect(digestCheckedOnRead(back)).toBe(false);
  });

  it('edited by hand with its digest kept, is not taken as checked', () => {
    saveSnapshot(home().dir, 'coder', snapshot());
    const file = snapshotPath(home().dir, 'coder');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"g7"', '"g9"'));
    const back = loadSnapshot(home().dir, 'coder')!;
    expect(back.undone).toEqual(['g9']);
    expect(digestCheckedOnRead(back)).toBe(false);
  });

  it('with no digest is not taken as checked', () => {
    const { digest: _, ...content } = snapshot();
    saveSnapshot(home().dir, 'coder', content as ReplaySnapshot);
    expect(digestCheckedOnRead(loadSnapshot(home().dir, 'coder')!)).toBe(false);
  });

  it('that is not a snapshot file at all reads as none', () => {
    const file = snapshotPath(home().dir, 'coder');
    fs.mkdirSync(`${home().dir}/snapshots`);
    for (const text of ['null', '{}', '{"snapshot":null}', '{"snapshot":{"v":2}}', '{"snapshot":{"v":3}}', '[1,2]']) {
      fs.writeFileSync(file, text);
      expect(loadSnapshot(home().dir, 'coder'), text).toBeNull();
    }
  });
});
