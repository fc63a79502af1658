import { describe, expect, it } from 'vitest';
import { splitCommand } from '../../src/commands/editor-command.js';

describe('splitting $EDITOR into a program and its arguments', () => {
  it('splits on spaces and keeps quoted words whole, as a shell would', () => {
    expect(splitCommand('code --wait')).toEqual(['code', '--wait']);
    expect(splitCommand('  vim   -u NONE ')).toEqual(['vim', '-u', 'NONE']);
    expect(splitCommand(`"/Applications/My Editor/bin/ed" -w 'a b'`)).toEqual(['/Applications/My Editor/bin/ed', '-w', 'a b']);
    expect(splitCommand('my\\ editor "say \\"hi\\""')).toEqual(['my editor', 'say "hi"']);
    expect(splitCommand(`''`)).toEqual(['']);
  });

  it('evaluates nothing: separators and expansions are plain characters', () => {
    expect(splitCommand('vi; rm -rf ~')).toEqual(['vi;', 'rm', '-rf', '~']);
    expect(splitCommand('$(touch x) `id`')).toEqual(['$(touch', 'x)', '`id`']);
  });

  it('an unclosed quote is no command', () => {
    expect(splitCommand('"vi')).toBeNull();
    expect(splitCommand("vi 'x")).toBeNull();
  });
});
