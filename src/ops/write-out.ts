// Synchronous, complete writes to a file descriptor, for a secret on its way out: the stream API
// reports a closed pipe (EPIPE) only later, as an event, after the caller has let go of the secret.

/** Writes all of `text` to `fd` or throws (EPIPE, EBADF...). A full non-blocking pipe is waited out briefly. */
export function writeAllSync(fd: number, text: string, write: (fd: number, b: Buffer, off: number, len: number) => number): void {
  const buf = Buffer.from(text, 'utf8');
  const deadline = Date.now() + 2000;
  for (let off = 0; off < buf.length; ) {
    try {
      off += write(fd, buf, off, buf.length - off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN' || Date.now() > deadline) throw err;
    }
  }
}
