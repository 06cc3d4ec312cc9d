import * as fs from 'fs';

/**
 * Copies what is appended to a log file to `write`, line by line with `prefix`, from its
 * start, until the returned function is called (which copies what is left first).
 */
export function followLog(
  file: string,
  prefix: string,
  write: (line: string) => void,
  intervalMs = 200,
): () => void {
  let offset = 0;
  let partial = '';
  const readMore = () => {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return; // not written yet
    }
    try {
      const buffer = Buffer.alloc(64 * 1024);
      for (;;) {
        const read = fs.readSync(fd, buffer, 0, buffer.length, offset);
        if (read === 0) break;
        offset += read;
        const lines = (partial + buffer.subarray(0, read).toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) write(`${prefix}${line}`);
      }
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(readMore, intervalMs);
  timer.unref();
  readMore();
  return () => {
    clearInterval(timer);
    readMore();
    if (partial) write(`${prefix}${partial}`);
    partial = '';
  };
}
