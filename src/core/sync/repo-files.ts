// The two files `prep sync --init` puts at the top of the data folder's git repository.

/**
 * Logs merge as a union of lines (a line is a record with a unique id, so both machines'
 * records are kept and a record on both is de-duplicated by prep after the merge). Settings and
 * decks never merge as text: prep merges settings.json key by key itself, and a deck changed on
 * both machines is a conflict for a person to settle.
 */
export const GIT_ATTRIBUTES = `# Written by prep sync.
logs/*.jsonl merge=union
settings.json -merge -text
decks/** -merge
`;

/** Only decks, logs and settings are shared; caches and the files prep moved aside stay local. */
export const GIT_IGNORE = `# Written by prep sync: only decks, logs and settings are shared.
/*
!/.gitattributes
!/.gitignore
!/decks/
!/logs/
!/settings.json
/snapshots/
/cache/
*.torn-*
*.unreadable-*
*.corrupt-*
*.theirs.yaml
*.tmp
`;

/** Name of the side-by-side copy of the other machine's version of a deck: `coder.theirs.yaml`. */
export function theirsName(file: string): string {
  return file.replace(/(\.ya?ml)?$/, (ext) => `.theirs${ext || ''}`);
}
