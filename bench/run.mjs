// `npm run bench [-- NAME]`: prints figures; never part of `npm test`. Each bench is a module
// that prints its own table when imported.
const benches = {
  nodes: './nodes.mjs',
  perf: './perf.mjs',
  matching: '../dist/bench/matching.js',
  readiness: './readiness.mjs',
  startup: './startup.mjs',
  audio: './audio.mjs',
  import: './import-memory.mjs',
  paste: './paste.mjs',
};
const which = process.argv[2] ?? 'perf';
if (!benches[which]) {
  console.error(`unknown bench "${which}"; known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
await import(benches[which]);
