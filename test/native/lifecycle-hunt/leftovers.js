'use strict';
// What a program left behind: live processes that carry its run directory (every program
// gets its own TMPDIR, so its in-process agent's work directory, sandboxes and executors
// all name it in their environment or command line), and mesos-napi-local-* directories.
const fs = require('fs');
const path = require('path');

function processesNaming(marker) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const read = (file) => {
      try {
        return fs.readFileSync(path.join('/proc', entry, file), 'latin1');
      } catch {
        return ''; // gone, or not ours to read
      }
    };
    const cmdline = read('cmdline');
    const text = read('environ') + cmdline;
    if (!text.includes(marker)) continue;
    let state = '';
    try {
      state = fs.readFileSync(path.join('/proc', entry, 'stat'), 'latin1').split(') ')[1][0];
    } catch {
      continue;
    }
    if (state === 'Z') continue; // exited, waiting for its parent to reap it
    found.push({ pid: Number(entry), command: cmdline.split('\0').join(' ').trim().slice(0, 200) });
  }
  return found;
}

/** Processes naming marker, after up to graceMs for them to exit by themselves. */
async function leftoverProcesses(marker, graceMs) {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const found = processesNaming(marker);
    if (found.length === 0 || Date.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function killAll(found) {
  for (const { pid } of found) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function leftoverLocalDirectories(tmp) {
  try {
    return fs.readdirSync(tmp).filter((name) => name.startsWith('mesos-napi-local-'));
  } catch {
    return [];
  }
}

module.exports = { leftoverProcesses, killAll, leftoverLocalDirectories };
