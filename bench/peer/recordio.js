'use strict';
// RecordIO as the v1 scheduler API streams events: "<length>\n<record>" repeated, where
// length is the record's size in bytes. Records may be split across chunks, and one chunk
// may hold many.

function recordIoReader(onRecord) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    for (;;) {
      const newline = pending.indexOf(10, offset);
      if (newline < 0) break;
      const length = Number(pending.toString('latin1', offset, newline));
      if (!Number.isSafeInteger(length)) throw new Error(`bad RecordIO length at ${offset}`);
      if (pending.length < newline + 1 + length) break;
      onRecord(pending.subarray(newline + 1, newline + 1 + length));
      offset = newline + 1 + length;
    }
    pending = offset === pending.length ? Buffer.alloc(0) : pending.subarray(offset);
  };
}

module.exports = { recordIoReader };
