/**
 * main.ts - process entry point of the command line (see cli.ts).
 */
import { runCliAsync } from './cli';

// `klp ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await runCliAsync(
  process.argv.slice(2),
  {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    // A long search says how far it is, on a terminal only (a pipe gets the result alone).
    ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r\x1b[K${line}`) } : {}),
  },
  process.env,
);
