// A reader that stops early (`prep list | head -3`) closes the pipe: the rest of the output is
// not wanted, so prep ends there, quietly and with success, instead of dying on EPIPE with a
// stack trace. Anything else a stream reports is still an error. Imported first, before
// anything can write.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}
