'use strict';
// The steps of the hunt's other objects (generate-objects.js) in one thread: building them,
// starting operations (each tracked: created and settled, like joins), awaiting them,
// closing and dropping. An object slot holds what the story works on: a State, a Log with
// its writer and reader, or a v1 library.
const os = require('os');
const path = require('path');
const { executorEnvironment } = require('./generate');

function errorText(error) {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
}

const bytes = (text) => new Uint8Array(Buffer.from(text));

function createObjects(thread, record, lib, masters) {
  const slots = new Map();
  let ops = 0;

  /** Starts an operation; its promise is recorded when created and when settled. */
  const track = (o, method, start) => {
    const id = `${thread}/${ops++}`;
    record({ o, op: id, method });
    let promise;
    try {
      promise = Promise.resolve(start());
    } catch (error) {
      record({ o, opThrew: id, error: errorText(error) });
      return undefined;
    }
    promise.then(
      (value) => record({ opSettled: id, value: describe(value) }),
      (error) => record({ opSettled: id, rejected: errorText(error) }),
    );
    const slot = slots.get(o);
    if (slot) slot.pending.push(promise);
    return promise;
  };

  const replicaPath = (o) => path.join(os.tmpdir(), `hunt-${thread}-${o}`);

  const newLog = (o) => new lib.Log(1, replicaPath(o), [], { autoInitialize: true });

  const build = (step) => {
    switch (step.kind) {
      case 'state':
        if (step.backend === 'memory') return { state: new lib.InMemoryState() };
        if (step.backend === 'leveldb') return { state: new lib.LevelDBState(replicaPath(step.o)) };
        if (step.backend === 'log') return { state: new lib.LogState(newLog(step.o)) };
        return { state: new lib.LevelDBState('/nonexistent/hunt/state') };
      case 'log': {
        if (step.shape === 'bad-quorum') return { log: new lib.Log(0, replicaPath(step.o), []) };
        if (step.shape === 'bad-path') return { log: new lib.Log(1, '/nonexistent/hunt/log', []) };
        // A replica that is not initialized and has no peers never finishes recovering: its
        // operations can only time out.
        const recovers = step.shape !== 'never-recovers';
        const log = recovers ? newLog(step.o) : new lib.Log(1, replicaPath(step.o), []);
        const timeout = recovers ? 5000 : 1000;
        return {
          log,
          timeout,
          // start() waits for ever by default: on this log, by design, it would never end.
          startTimeout: recovers ? undefined : timeout,
          writer: new lib.Log.Writer(log, timeout, 1),
          reader: new lib.Log.Reader(log),
        };
      }
      default:
        return { library: library(step) };
    }
  };

  const library = (step) => {
    const framework = { user: os.userInfo().username, name: `lifecycle-hunt-${step.o}` };
    let frameworkId;
    let acted = false;
    const react = (mesos, type) => {
      if (acted || !step.react || step.react.event !== type) return undefined;
      acted = true;
      record({ o: step.o, action: step.react.do, in: type });
      if (step.react.do === 'throw') throw new Error(`hunt: ${type} handler throws`);
      if (step.react.do === 'never') return new Promise(() => undefined);
      track(step.o, 'close (handler)', () => mesos.close());
      return undefined;
    };
    const scheduler = {
      connected(mesos) {
        record({ o: step.o, seen: 'connected' });
        if (step.subscribe)
          mesos.send({ type: 'SUBSCRIBE', subscribe: { frameworkInfo: framework } });
      },
      disconnected() {
        record({ o: step.o, seen: 'disconnected' });
      },
      received(mesos, event) {
        record({ o: step.o, seen: event.type });
        if (event.type === 'SUBSCRIBED') frameworkId = event.subscribed.frameworkId;
        if (event.type === 'OFFERS') {
          const offerIds = event.offers.offers.map((offer) => offer.id);
          mesos.send({ type: 'DECLINE', frameworkId, decline: { offerIds } });
        }
        return react(mesos, event.type);
      },
    };
    const handle = (mesos) => {
      mesos.teardown = () => frameworkId && mesos.send({ type: 'TEARDOWN', frameworkId });
      return mesos;
    };
    if (step.kind === 'election') {
      const election = new lib.LeaderElection({
        zk: 'zk://127.0.0.1:1/hunt',
        sessionTimeout: 1000,
      });
      track(step.o, 'contend', () => election.contend());
      election.teardown = () => track(step.o, 'withdraw', () => election.withdraw()) && 'pending';
      return election;
    }
    if (step.kind === 'v1-executor') {
      return handle(
        new lib.v1.V1ExecutorMesos(
          {
            connected: () => record({ o: step.o, seen: 'connected' }),
            received: (_mesos, event) => record({ o: step.o, seen: event.type }),
          },
          { environment: executorEnvironment({ env: 'fake' }) },
        ),
      );
    }
    const master = masters[step.master]();
    if (step.kind === 'v0') return handle(new lib.v1.V0Mesos(scheduler, { master, framework }));
    return handle(new lib.v1.V1Mesos(scheduler, { master }));
  };

  const call = (step, slot) => {
    const o = step.o;
    const { state, writer, reader, timeout, startTimeout, library: mesos } = slot;
    if (mesos) {
      if (step.method === 'teardown' || step.method === 'withdraw') {
        return mesos.teardown() || 'not subscribed';
      }
      return track(o, 'close', () => mesos.close()) ? 'pending' : 'threw';
    }
    if (state) {
      const name = step.name;
      const started = {
        fetch: () => state.fetch(name),
        names: () => state.names(),
        'fetch-store': () => state.fetch(name).then((v) => state.store(v.mutate(bytes('x')))),
        'fetch-expunge': () => state.fetch(name).then((v) => state.expunge(v)),
      }[step.method];
      return track(o, step.method, started) ? 'pending' : 'threw';
    }
    if (!writer) return 'skipped';
    const started = {
      start: () => writer.start(startTimeout),
      append: () => writer.append(bytes('entry'), timeout),
      truncate: () => reader.ending(timeout).then((end) => writer.truncate(end, timeout)),
      read: () =>
        Promise.all([reader.beginning(timeout), reader.ending(timeout)]).then(([from, to]) =>
          reader.read(from, to, timeout),
        ),
      beginning: () => reader.beginning(timeout),
      ending: () => reader.ending(timeout),
      catchup: () => reader.catchup(timeout),
    }[step.method];
    return track(o, step.method, started) ? 'pending' : 'threw';
  };

  /** Runs one step of an object story; its result is recorded as the step's. */
  return async (step) => {
    if (step.op === 'object') {
      slots.set(step.o, { ...build(step), pending: [] });
      return 'constructed';
    }
    const slot = slots.get(step.o);
    if (!slot) return 'skipped';
    switch (step.op) {
      case 'call':
        return call(step, slot);
      case 'await': {
        const results = await Promise.allSettled(slot.pending);
        return results.map((r) => r.status).join(',') || 'nothing pending';
      }
      case 'drop':
        slots.delete(step.o);
        globalThis.gc();
        return 'dropped';
      default:
        throw new Error(`unknown object step ${step.op}`);
    }
  };
}

/** A result as the record shows it: short, and never the bytes themselves. */
function describe(value) {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return `${value.length} items`;
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return value;
}

module.exports = { createObjects };
