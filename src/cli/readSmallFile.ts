/**
 * readSmallFile.ts - the command line reads inputs only from regular files of a bounded size: a
 * device (`/dev/zero`), a FIFO or a directory is refused before reading, and so is a file larger
 * than its kind of input may be (issue 8: `run /dev/zero` never returned, a 10 MB file ran out of
 * memory).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file cannot be read as an input; the caller turns it into its own usage error. */
export class FileInputError extends Error {}

export function readSmallFile(file: string, maxBytes: number, what = 'a scenario'): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new FileInputError(`${file}: cannot read: ${(e as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileInputError(`${file}: not a regular file`);
    if (st.size > maxBytes) throw new FileInputError(`${file}: ${st.size} bytes is more than ${what} may have (${maxBytes})`);
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, buf, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
