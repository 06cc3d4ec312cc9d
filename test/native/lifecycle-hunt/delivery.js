'use strict';
// What libmesos delivered (from its log) against what the handlers saw (from the record).
// Log lines carry the number of records written before them, so "before" is exact.

const ACK = /Sending ACK for status update (\S+) \(Status UUID: ([0-9a-f-]+)\) for task (\S+)/;
const REGISTERED = /Framework registered with /;
// glog's time of day (the child runs with TZ=UTC), in ms, to compare with Date.now().
const GLOG_TIME = /^[IWEF]\d{4} (\d\d):(\d\d):(\d\d)\.(\d{3})/;
const DAY_MS = 86_400_000;

function logTime(line) {
  const m = GLOG_TIME.exec(line);
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]) : NaN;
}

/** Implicit acknowledgements of updates that no handler had seen before. */
function unseenAcknowledgements(records, log) {
  const failures = [];
  for (const { line, index } of log) {
    const match = ACK.exec(line);
    if (!match) continue;
    const [, state, uuid, task] = match;
    const seen = records.slice(0, index).some((r) => r.seen === 'statusUpdate' && r.uuid === uuid);
    if (!seen) failures.push(`${state} of ${task} (${uuid})`);
  }
  return failures;
}

/**
 * With one scheduler driver in the program (and no V0Mesos, whose own driver logs the same
 * line): libmesos logged its registration while it ran
 * (after its first start, before any stop, abort or cut of its thread after that), and its
 * thread then idled in a sleep step for at least 50 ms (the queued event had its turn)
 * before that end, yet the handler never saw registered(). Undefined when it did, or when
 * this does not apply.
 */
function lostRegistration(records, log) {
  const constructs = records.filter((r) => r.at === 'scheduler');
  if (constructs.length !== 1) return undefined;
  if (records.some((r) => r.at === 'object' && r.kind === 'v0')) return undefined;
  const { t, d } = constructs[0];
  const registered = log.find(({ line }) => REGISTERED.test(line));
  if (!registered) return undefined;
  const startAt = records.findIndex((r) => r.t === t && r.d === d && /^(start|run)$/.test(r.at));
  if (startAt === -1 || startAt >= registered.index) return undefined;
  const ends = (r) =>
    (r.t === t && r.d === d && (/^(stop|abort)$/.test(r.at) || r.handlerStop || r.handlerAbort)) ||
    r.cut === t ||
    r.cut === 'main';
  let endAt = records.findIndex((r, i) => i > startAt && ends(r));
  if (endAt === -1) endAt = records.length;
  if (endAt < registered.index) return undefined;
  const loggedAt = logTime(registered.line);
  const idled = records.some((r, i) => {
    if (r.t !== t || r.at !== 'sleep') return false;
    const woke = records.findIndex((s, j) => j > i && s.t === t && s.i === r.i && 'r' in s);
    if (woke === -1 || woke < registered.index || woke > endAt) return false;
    const idleMs = (records[woke].time % DAY_MS) - Math.max(loggedAt, r.time % DAY_MS);
    return idleMs >= 50;
  });
  if (!idled) return undefined;
  if (records.some((r) => r.t === t && r.d === d && r.seen === 'registered')) return undefined;
  return `driver ${d} (${t}) was registered while running and its thread then idled, but registered() never ran`;
}

module.exports = { unseenAcknowledgements, lostRegistration };
