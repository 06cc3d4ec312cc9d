'use strict';
// This library's v1 routes for the peer bench, behind the interface of frameworks.js:
// V1Mesos (libmesos's v1 scheduler library: one HTTP event stream, as the HTTP peers read)
// and V0Mesos (the same v1 calls and events over the classic driver). Both acknowledge every
// update that carries a uuid, as the v1 API asks.

const scalar = (resources, name) =>
  resources.filter((r) => r.name === name && r.scalar).reduce((sum, r) => sum + r.scalar.value, 0);

function startV1Route(kind) {
  return async (master, name, { onUpdate, onOffers, onError }) => {
    const { v1 } = require('../../lib');
    const framework = { user: 'root', name };
    let frameworkId;
    let subscribed;
    const ready = new Promise((resolve) => (subscribed = resolve));
    const scheduler = {
      connected(mesos) {
        mesos.send({ type: 'SUBSCRIBE', subscribe: { frameworkInfo: framework } });
      },
      received(mesos, event) {
        if (event.type === 'SUBSCRIBED') {
          frameworkId = event.subscribed.frameworkId;
          subscribed();
        } else if (event.type === 'UPDATE') {
          const status = event.update.status;
          onUpdate(status.taskId.value, status.state, status.timestamp);
          if (status.uuid && status.uuid.length > 0) {
            mesos.send({
              type: 'ACKNOWLEDGE',
              frameworkId,
              acknowledge: { agentId: status.agentId, taskId: status.taskId, uuid: status.uuid },
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
    };
    const mesos =
      kind === 'v1'
        ? new v1.V1Mesos(scheduler, { master })
        : new v1.V0Mesos(scheduler, { master, framework });
    await ready;
    return {
      reconcileUnknown(n, prefix) {
        const tasks = new Array(n);
        for (let i = 0; i < n; i++) tasks[i] = { taskId: { value: `${prefix} ${i}` } };
        mesos.send({ type: 'RECONCILE', frameworkId, reconcile: { tasks } });
      },
      launch(offer, tasks) {
        mesos.send({
          type: 'ACCEPT',
          frameworkId,
          accept: {
            offerIds: [offer.raw.id],
            operations: [
              {
                type: 'LAUNCH',
                launch: {
                  taskInfos: tasks.map((task) => ({
                    name: task.id,
                    taskId: { value: task.id },
                    agentId: offer.raw.agentId,
                    command: { value: task.command, shell: true },
                    resources: [
                      { name: 'cpus', type: 'SCALAR', scalar: { value: task.cpus } },
                      { name: 'mem', type: 'SCALAR', scalar: { value: task.mem } },
                    ],
                  })),
                },
              },
            ],
            filters: { refuseSeconds: 0 },
          },
        });
      },
      decline(offer, refuseSeconds) {
        mesos.send({
          type: 'DECLINE',
          frameworkId,
          decline: { offerIds: [offer.raw.id], filters: { refuseSeconds } },
        });
      },
      async stop() {
        mesos.send({ type: 'TEARDOWN', frameworkId });
        await mesos.close();
      },
    };
  };
}

module.exports = { startV1Mesos: startV1Route('v1'), startV0Mesos: startV1Route('v0') };
