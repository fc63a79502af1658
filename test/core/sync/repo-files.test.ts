import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GIT_ATTRIBUTES, GIT_IGNORE, theirsName } from '../../../src/core/sync/repo-files.js';
import { useTempHome } from '../../helpers/temp-home.js';
import { runWithTool } from '../../helpers/tools.js';

const home = useTempHome('prep-repo-files-');

describe('the other machine\'s copy of a deck', () => {
  it('sits next to the deck as <name>.theirs.yaml', () => {
    expect(theirsName('decks/coder.yaml')).toBe('decks/coder.theirs.yaml');
    expect(theirsName('decks/acme.yml')).toBe('decks/acme.theirs.yml');
    expect(theirsName('decks/notes')).toBe('decks/notes.theirs');
    expect(theirsName('decks/yaml')).toBe('decks/yaml.theirs');
  });
});

// What git makes of the two files prep sync writes, asked of git itself.
describe.runIf(runWithTool('git'))('the repository files, as git reads them', () => {
  const repo = () => {
    const { dir } = home();
    execFileSync('git', ['init', '-q', dir]);
    fs.writeFileSync(path.join(dir, '.gitattributes'), GIT_ATTRIBUTES);
    fs.writeFileSync(path.join(dir, '.gitignore'), GIT_IGNORE);
    return dir;
  };
  const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

  it('merges logs as a union of lines and never merges settings or decks as text', () => {
    const dir = repo();
    const attr = git(dir, 'check-attr', 'merge', '--', 'logs/coder.jsonl', 'settings.json', 'decks/coder.yaml');
    expect(attr.trim().split('\n')).toEqual([
      'logs/coder.jsonl: merge: union',
      'settings.json: merge: unset',
      'decks/coder.yaml: merge: unset',
    ]);
  });

  it('shares decks, logs and settings, and keeps caches and set-aside files local', () => {
    const dir = repo();
    const local = ['snapshots/coder.json', 'cache/coder.bin', 'logs/coder.jsonl.torn-1', 'decks/coder.theirs.yaml', 'other.txt', 'settings.json.tmp'];
    const shared = ['decks/coder.yaml', 'logs/coder.jsonl', 'settings.json'];
    for (const f of [...local, ...shared]) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    const tracked = git(dir, 'ls-files', '--others', '--exclude-standard').trim().split('\n').sort();
    expect(tracked).toEqual(['.gitattributes', '.gitignore', ...shared].sort());
  });
});
