import type { Grade } from '../store/review-log.js';

export const GRADES: readonly Grade[] = [1, 2, 3, 4];
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** A wait in the grade bar's short form: 45s, 10m, 5h, 3d, 2mo, 1.5y. */
export function formatInterval(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h}h`;
  const d = Math.round(h / 24);
  if (d < 31) return `${d}d`;
  if (d < 365) return `${Math.round(d / 30)}mo`;
  return `${(d / 365).toFixed(1).replace(/\.0$/, '')}y`;
}

/** A duration spoken plainly: "4m 12s", "35s", "1h 5m". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${r}s`;
  return `${r}s`;
}

/** When something is next due, relative to now: "now", "in 10m (17:05)", "in 3d (Sun 29 Nov)". */
export function formatDue(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const hm = due.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (ms < 24 * 3600 * 1000) return `in ${formatInterval(ms)} (${hm})`;
  const day = due.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
  return `in ${formatInterval(ms)} (${day})`;
}
