// How `prep sync` tells a deck renamed or removed on one machine from its review logs: pure
// functions over the text of logs. A rename keeps every record's id (only the deck name in it
// changes), so the log that holds the old log's ids under another name is where it went.

/** The ids of every record in a log's text (grades and any other record). */
export function recordIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    const id = idOf(line);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** A line's record: any JSON value, or undefined for a line that is not JSON (a torn one, say). */
function parsed(line: string): { id?: unknown; deck?: unknown } | undefined {
  try {
    // `null`, a number or a string parse too; reading a field of them gives undefined (`?.`).
    return JSON.parse(line) as { id?: unknown; deck?: unknown };
    // Stryker disable next-line BlockStatement: an empty catch also ends the function with undefined
  } catch {
    return undefined;
  }
}

function idOf(line: string): string | undefined {
  const id = parsed(line)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * A log line with the deck it names changed from `from` to `to` (the pitch history and the
 * replay find records by deck name); any other line, a torn one say, is returned unchanged.
 */
export function renameInLine(line: string, from: string, to: string): string {
  const rec = parsed(line);
  // Anything else (not a record, another deck's) the reader will judge, unchanged.
  return rec?.deck === from ? JSON.stringify({ ...rec, deck: to }) : line;
}

/**
 * Where a log that one side deleted went: among `logs` (deck name -> log text on that side),
 * the one holding the most of the deleted log's record ids, or undefined (the deck was removed).
 */
export function renamedTo(deletedIds: Set<string>, logs: Map<string, string>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [name, text] of logs) {
    const n = heldIn(deletedIds, text);
    if (n > most) [best, most] = [name, n];
  }
  return best;
}

/** How many of `ids` the log `text` holds (none when there is no log). */
export function heldIn(ids: Set<string>, text: string | undefined): number {
  let n = 0;
  for (const id of recordIds(text ?? '')) if (ids.has(id)) n++;
  return n;
}

/** The record lines of `text` whose ids `known` lacks: what one side added since the common base. */
export function newLines(text: string, known: Set<string>): string[] {
  return text.split('\n').filter((line) => {
    const id = idOf(line);
    return id !== undefined && !known.has(id);
  });
}
