'use strict';
// What a program reports, one line at a time: `@hunt {json}` written synchronously to fd 1
// (shared by every thread, and by libmesos's log on fd 2 into the same file), so that the
// record survives a crash and interleaves with libmesos's log in the order things happened.
const fs = require('fs');

const PREFIX = '@hunt ';

function recorder(thread) {
  return (fields) => {
    try {
      fs.writeSync(1, `${PREFIX}${JSON.stringify({ t: thread, ...fields })}\n`);
    } catch {
      // stdout closed: nothing left to report to
    }
  };
}

/** Splits a program's output into its records (in order) and libmesos's log lines. */
function parseOutput(text) {
  const records = [];
  const log = [];
  for (const line of text.split('\n')) {
    const at = line.indexOf(PREFIX);
    if (at === -1) {
      if (line) log.push({ line, index: records.length });
      continue;
    }
    try {
      records.push(JSON.parse(line.slice(at + PREFIX.length)));
    } catch {
      log.push({ line, index: records.length });
    }
  }
  return { records, log };
}

module.exports = { recorder, parseOutput };
