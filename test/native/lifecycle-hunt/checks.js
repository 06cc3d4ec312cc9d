'use strict';
// The invariants every program must end with, checked on what run-program.js collected.
// Each failure has a class (a short key, the same for the same kind of failure) and details.
const { parseOutput } = require('./record');
const { unseenAcknowledgements, lostRegistration } = require('./delivery');

// glog's FATAL lines (F1125 12:00:00.000000 ...), stout's EXIT and CHECK messages, crash banners.
const FATAL = /^(F\d{4} |\*\*\* |Check failed|Expecting '|Failed to )/;

function fatalMessage(log) {
  const line = log.find(({ line }) => FATAL.test(line))?.line;
  if (!line) return undefined;
  return line.replace(/^F\d{4} [\d:.]+\s+\d+ \S+\] /, '');
}

/** Joins created in a thread that was not cut short (terminated, process.exit) and never settled. */
function unsettledJoins(records) {
  const cut = new Set(records.filter((r) => r.cut).map((r) => r.cut));
  if (cut.has('main')) return [];
  const settled = new Set(records.filter((r) => r.settled).map((r) => r.settled));
  return records.filter((r) => r.join && !settled.has(r.join) && !cut.has(r.t));
}

function lastSteps(records) {
  const last = new Map();
  for (const r of records) if (r.at) last.set(r.t, `${r.t} step ${r.i} ${r.at}`);
  return [...last.values()].join('; ');
}

/** [{ class, detail }] for one program's result; empty when every invariant held. */
function checkResult(result) {
  const { records, log } = parseOutput(result.output);
  const failures = [];
  const fatal = fatalMessage(log);
  if (result.timedOut) {
    const pending = unsettledJoins(records).map((r) => r.join);
    failures.push({
      class: 'hang',
      detail: `killed after ${result.timeoutMs} ms; last: ${lastSteps(records)}; unsettled joins: ${pending.join(', ') || 'none'}`,
    });
  } else if (result.signal) {
    failures.push({
      class: fatal ? `${result.signal}: ${fatal.slice(0, 90)}` : result.signal,
      detail: `died by ${result.signal}; last: ${lastSteps(records)}`,
    });
  } else if (!records.some((r) => r.end === 'exit' && r.t === 'main')) {
    failures.push({
      class: `exit without node exiting${fatal ? `: ${fatal.slice(0, 80)}` : ''}`,
      detail: `exit code ${result.code}, no 'exit' event; last: ${lastSteps(records)}`,
    });
  } else {
    // A join may stay pending only in a thread the program itself cut short.
    const unsettled = unsettledJoins(records);
    if (unsettled.length > 0) {
      failures.push({
        class: 'join never settled',
        detail: unsettled
          .map((r) => `${r.join} (driver ${r.d}, ${r.method} from ${r.via})`)
          .join(', '),
      });
    }
  }
  const lost = lostRegistration(records, log);
  if (lost) failures.push({ class: 'event not delivered', detail: lost });
  const missing = records.find((r) => r.threw?.startsWith('AddonNotFoundError'));
  if (missing) failures.push({ class: 'addon not found', detail: missing.threw });
  const unseen = unseenAcknowledgements(records, log);
  if (unseen.length > 0) {
    failures.push({ class: 'acknowledged unseen', detail: unseen.join(', ') });
  }
  const uncaught = records.filter((r) => r.uncaught && !r.uncaught.includes('hunt: '));
  if (uncaught.length > 0) {
    failures.push({ class: 'uncaught error', detail: uncaught.map((r) => r.uncaught).join('; ') });
  }
  // After a crash, a hang (killed) or libmesos exiting, cleanup could not run: only a
  // process that ended through node's exit path is held to leaving nothing behind.
  if (failures.some((f) => f.class === 'hang' || /^(SIG|exit)/.test(f.class))) {
    return failures;
  }
  if (result.processes.length > 0) {
    failures.push({
      class: 'leftover process',
      detail: result.processes.map((p) => `${p.pid} ${p.command}`).join('; '),
    });
  }
  if (result.directories.length > 0) {
    failures.push({ class: 'leftover directory', detail: result.directories.join(', ') });
  }
  return failures;
}

module.exports = { checkResult };
