// Commander requires node:child_process when it is loaded, for subcommands that are programs of
// their own (prep has none). Loading that module (with net and its other modules) costs about
// 6-12 ms of every start of every command, `prep stats` and the drill included; this plugin
// makes commander load it only if it ever spawns one.
import { readFileSync } from 'node:fs';

const EAGER = "const childProcess = require('node:child_process');";
const LAZY = "let loadedChildProcess; const childProcess = { spawn: (...args) => (loadedChildProcess ??= require('node:child_process')).spawn(...args) };";

export const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      // A commander that reads otherwise is built as it is: slower, never wrong.
      if (!text.includes(EAGER)) return undefined;
      return { contents: text.replace(EAGER, LAZY), loader: 'js' };
    });
  },
};
