'use strict';
// The frameworks the peer bench compares, behind one small interface so the same work
// (bench/peer/worker.js) drives each:
//   start(master, name, { onUpdate(taskId, state, timestampSeconds), onOffers(offers) })
//     resolves once subscribed/registered with
//   { reconcileUnknown(n, prefix), launch(offer, tasks), decline(offer, refuseSeconds), stop() }
// offers are { raw, cpus, mem }; tasks are { id, cpus, mem, command }.
// The HTTP frameworks acknowledge every update that carries a uuid, as the v1 API asks; the
// drivers (binding and C++) acknowledge implicitly.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startV0Mesos, startV1Mesos } = require('./v1-frameworks');

const scalar = (resources, name) =>
  resources.filter((r) => r.name === name && r.scalar).reduce((sum, r) => sum + r.scalar.value, 0);

// --- mesos-napi (this library, through lib/) ---

async function startBinding(master, name, { onUpdate, onOffers, onError }) {
  const { MesosSchedulerDriver, Status } = require('../../lib');
  let registered;
  const ready = new Promise((resolve) => (registered = resolve));
  const driver = new MesosSchedulerDriver(
    {
      registered: () => registered(),
      statusUpdate: (_driver, status) =>
        onUpdate(status.taskId.value, status.state, status.timestamp),
      resourceOffers: (_driver, offers) =>
        onOffers(
          offers.map((raw) => ({
            raw,
            cpus: scalar(raw.resources, 'cpus'),
            mem: scalar(raw.resources, 'mem'),
          })),
        ),
      error: (_driver, message) => onError(new Error(message)),
    },
    { framework: { user: '', name }, master },
  );
  if (driver.start() !== Status.DRIVER_RUNNING) throw new Error('driver did not start');
  await ready;
  return {
    reconcileUnknown(n, prefix) {
      const statuses = new Array(n);
      for (let i = 0; i < n; i++)
        statuses[i] = { taskId: { value: `${prefix} ${i}` }, state: 'TASK_STAGING' };
      driver.reconcileTasks(statuses);
    },
    launch(offer, tasks) {
      driver.launchTasks(
        [offer.raw.id],
        tasks.map((task) => ({
          name: task.id,
          taskId: { value: task.id },
          slaveId: offer.raw.slaveId,
          command: { value: task.command, shell: true },
          resources: [
            { name: 'cpus', type: 'SCALAR', scalar: { value: task.cpus } },
            { name: 'mem', type: 'SCALAR', scalar: { value: task.mem } },
          ],
        })),
        { refuseSeconds: 0 },
      );
    },
    decline(offer, refuseSeconds) {
      driver.declineOffer(offer.raw.id, { refuseSeconds });
    },
    async stop() {
      driver.stop(false);
      await driver.join();
    },
  };
}

// --- mesos-framework (npm, v1 HTTP API with JSON, protobufjs 5) ---

async function startMesosFramework(master, name, { onUpdate, onOffers, onError }) {
  const mf = require('mesos-framework');
  const mesos = mf.Mesos.getMesos();
  const [host, port] = master.split(':');
  const logs = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-framework-logs-'));
  const scheduler = new mf.Scheduler({
    masterUrl: host,
    port,
    frameworkName: name,
    // Its default, 10 s without a byte on the event stream, is shorter than the master's
    // heartbeat interval (15 s in Mesos 1.12): it would drop the stream and subscribe again
    // whenever the stream is quiet, losing the events in between.
    masterConnectionTimeout: 60,
    // Its default (info) logs every ACCEPT to the console and a file; a user would lower it.
    logging: { path: logs, fileName: 'mesos-framework.log', level: 'error' },
    handlers: {
      // The library calls a handler only if it takes exactly one argument.
      UPDATE: function (update) {
        const status = update.status;
        onUpdate(status.task_id.value, status.state, status.timestamp);
        this.acknowledge(update);
      },
      OFFERS: function (event) {
        onOffers(
          event.offers.map((raw) => ({
            raw,
            cpus: scalar(raw.resources, 'cpus'),
            mem: scalar(raw.resources, 'mem'),
          })),
        );
      },
    },
  });
  scheduler.on('error', (error) =>
    onError(new Error(typeof error === 'string' ? error : error.message)),
  );
  await new Promise((resolve) => scheduler.once('ready', resolve));
  const subscribed = new Promise((resolve) => scheduler.once('subscribed', resolve));
  scheduler.subscribe();
  await subscribed;
  const { helpers } = mf;
  const resource = (name, value) =>
    helpers.stringifyEnumsRecursive(
      new mesos.Resource(name, mesos.Value.Type.SCALAR, new mesos.Value.Scalar(value)),
    );
  return {
    reconcileUnknown(n, prefix) {
      // scheduler.reconcile() sends one task per HTTP request; the library's own request
      // helper sends them all in one call, as the other frameworks do.
      const tasks = new Array(n);
      for (let i = 0; i < n; i++) tasks[i] = { task_id: { value: `${prefix} ${i}` } };
      helpers.doRequest.call(
        scheduler,
        {
          framework_id: { value: scheduler.frameworkId },
          type: 'RECONCILE',
          reconcile: { tasks },
        },
        (error) => error && onError(new Error(error.message)),
      );
    },
    launch(offer, tasks) {
      const taskInfos = tasks.map(
        (task) =>
          new mesos.TaskInfo({
            name: task.id,
            task_id: new mesos.TaskID(task.id),
            agent_id: offer.raw.agent_id,
            resources: [resource('cpus', task.cpus), resource('mem', task.mem)],
            command: new mesos.CommandInfo({ value: task.command, shell: true }),
          }),
      );
      const operation = helpers.stringifyEnumsRecursive(
        new mesos.Offer.Operation(
          mesos.Offer.Operation.Type.LAUNCH,
          new mesos.Offer.Operation.Launch(taskInfos),
        ),
      );
      scheduler.accept([offer.raw.id], operation, new mesos.Filters(0));
    },
    decline(offer, refuseSeconds) {
      scheduler.decline([offer.raw.id], new mesos.Filters(refuseSeconds));
    },
    async stop() {
      await new Promise((resolve) => {
        helpers.doRequest.call(
          scheduler,
          { framework_id: { value: scheduler.frameworkId }, type: 'TEARDOWN' },
          resolve,
        );
      });
      scheduler.httpRequest.destroy();
    },
  };
}

// --- the fallback: a minimal v1 HTTP scheduler on Node's http (bench/peer/http-scheduler.js) ---

async function startNodeHttp(master, name, { onUpdate, onOffers, onError }) {
  const { subscribeHttp } = require('./http-scheduler');
  let call = null;
  const session = await subscribeHttp(
    master,
    { user: 'root', name },
    (event) => {
      if (event.type === 'UPDATE') {
        const status = event.update.status;
        onUpdate(status.task_id.value, status.state, status.timestamp);
        if (status.uuid !== undefined) {
          call('ACKNOWLEDGE', {
            acknowledge: { agent_id: status.agent_id, task_id: status.task_id, uuid: status.uuid },
          });
        }
      } else if (event.type === 'OFFERS') {
        onOffers(
          event.offers.offers.map((raw) => ({
            raw,
            cpus: scalar(raw.resources, 'cpus'),
            mem: scalar(raw.resources, 'mem'),
          })),
        );
      } else if (event.type === 'ERROR') {
        onError(new Error(event.error.message));
      }
    },
    onError,
  );
  call = session.call;
  return {
    reconcileUnknown(n, prefix) {
      const tasks = new Array(n);
      for (let i = 0; i < n; i++) tasks[i] = { task_id: { value: `${prefix} ${i}` } };
      call('RECONCILE', { reconcile: { tasks } });
    },
    launch(offer, tasks) {
      call('ACCEPT', {
        accept: {
          offer_ids: [offer.raw.id],
          operations: [
            {
              type: 'LAUNCH',
              launch: {
                task_infos: tasks.map((task) => ({
                  name: task.id,
                  task_id: { value: task.id },
                  agent_id: offer.raw.agent_id,
                  command: { value: task.command, shell: true },
                  resources: [
                    { name: 'cpus', type: 'SCALAR', scalar: { value: task.cpus } },
                    { name: 'mem', type: 'SCALAR', scalar: { value: task.mem } },
                  ],
                })),
              },
            },
          ],
          filters: { refuse_seconds: 0 },
        },
      });
    },
    decline(offer, refuseSeconds) {
      call('DECLINE', {
        decline: { offer_ids: [offer.raw.id], filters: { refuse_seconds: refuseSeconds } },
      });
    },
    async stop() {
      await call('TEARDOWN', {});
      session.close();
    },
  };
}

const FRAMEWORKS = {
  'mesos-napi': startBinding,
  'mesos-napi-v1': startV1Mesos,
  'mesos-napi-v0': startV0Mesos,
  'mesos-framework': startMesosFramework,
  'node-http': startNodeHttp,
};

module.exports = { FRAMEWORKS };
