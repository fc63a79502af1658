import { FIELDS } from '../../src/core/schedule/card-rows.js';
import type { ReplaySnapshot } from '../../src/core/store/snapshot-store.js';

/** The snapshot's numbers (base64) with one number of one card's row replaced, as a hand edit would. */
export function withNumber(snap: Pick<ReplaySnapshot, 'ids' | 'numbers'>, id: string, field: (typeof FIELDS)[number], value: number): string {
  const nums = new Float64Array(Uint8Array.from(Buffer.from(snap.numbers, 'base64')).buffer);
  const row = snap.ids.indexOf(id);
  if (row < 0) throw new Error(`no row for ${id}`);
  nums[row * FIELDS.length + FIELDS.indexOf(field)] = value;
  return Buffer.from(nums.buffer).toString('base64');
}

/** The number of one card's row in a snapshot. */
export function numberOf(snap: Pick<ReplaySnapshot, 'ids' | 'numbers'>, id: string, field: (typeof FIELDS)[number]): number {
  const nums = new Float64Array(Uint8Array.from(Buffer.from(snap.numbers, 'base64')).buffer);
  return nums[snap.ids.indexOf(id) * FIELDS.length + FIELDS.indexOf(field)]!;
}
