import type { LogRead } from './log-reader.js';

/**
 * The records of a log that belong to the deck stored under `key`. A line naming another deck
 * (a log copied or renamed by hand) is skipped with one warning, never applied to this deck's
 * cards: two decks may well share card ids.
 */
export function recordsOfDeck(read: LogRead, key: string): LogRead {
  const own = read.records.filter((r) => r.deck === key);
  const other = read.records.length - own.length;
  if (other === 0) return read;
  const names = [...new Set(read.records.filter((r) => r.deck !== key).map((r) => r.deck.slice(0, 40)))].slice(0, 3);
  return {
    ...read,
    records: own,
    warnings: [
      ...read.warnings,
      `${other} record${other === 1 ? '' : 's'} in this deck's log name${other === 1 ? 's' : ''} another deck (${names.map((n) => JSON.stringify(n)).join(', ')}); skipped`,
    ],
  };
}
