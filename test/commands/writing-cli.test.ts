import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PREP } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// Runs the built bundle (npm test builds it first), as a person at a shell would.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const home = useTempHome('prep-cli-');

function prep(args: string[], cwd?: string) {
  const { dir, env } = home();
  const r = spawnSync('node', [PREP, ...args], { cwd: cwd ?? dir, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the deck-writing commands, from the built program', () => {
  it('prep schema prints the shipped JSON Schema', () => {
    const r = prep(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schema/deck.schema.json'), 'utf8'));
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'prep deck', required: ['title'] });
  });

  it('prep new, then prep lint and prep import: exit codes and the schema line of the installed package', () => {
    const created = prep(['new', 'acme']);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('prep drill acme');
    const { dir } = home();
    const first = readFileSync(join(dir, 'decks', 'acme.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe(`# yaml-language-server: $schema=${pathToFileURL(join(ROOT, 'schema/deck.schema.json')).href}`);

    expect(prep(['new', 'acme'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^prep: .*acme\.yaml already exists/) });
    expect(prep(['lint'])).toMatchObject({ code: 0, stdout: 'decks/acme.yaml: no problems\n' });

    const imported = prep(['import', join(FIXTURES, 'import/bullets.md'), '--name', 'acme']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('already exists: use --force');
    expect(prep(['import', join(FIXTURES, 'import/bullets.md'), '--name', 'acme', '--force']).code).toBe(0);
  });

  it('prep lint exits 2 on errors and prints each problem on its own line', () => {
    const r = prep(['lint', join(FIXTURES, 'lint/many-problems.yaml')], ROOT);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toContain('test/fixtures/lint/many-problems.yaml:17:5 questions[2]: unknown key "anwser" — did you mean "answer"?');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('test/fixtures/lint/many-problems.yaml: 3 errors, 7 warnings');
  });

  it('a bad name for prep new is refused with exit code 2', () => {
    expect(prep(['new', '../x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot be a deck name') });
  });
});
