'use strict';
// The Scheduler and Executor objects of a program: each event is recorded on entry (so an
// update libmesos acknowledges can be matched to a handler that saw it), the default
// behaviour runs (a scheduler launches one command task on master=local if asked, declines
// every other offer, acknowledges explicitly when implicit acknowledgements are off), then
// the first unclaimed spec for that event does what it says (throw, reject, never settle,
// stop, abort, stop and await join, await join).

const SCHEDULER_EVENTS = [
  'registered',
  'reregistered',
  'disconnected',
  'resourceOffers',
  'offerRescinded',
  'statusUpdate',
  'frameworkMessage',
  'slaveLost',
  'executorLost',
  'error',
];
const EXECUTOR_EVENTS = [
  'registered',
  'reregistered',
  'disconnected',
  'launchTask',
  'killTask',
  'frameworkMessage',
  'shutdown',
  'error',
];

function uuidString(bytes) {
  if (!bytes || bytes.length !== 16) return undefined;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function describe(event, args) {
  if (event === 'statusUpdate') {
    const status = args[0];
    return { task: status.taskId.value, state: status.state, uuid: uuidString(status.uuid) };
  }
  if (event === 'error') return { message: String(args[0]).slice(0, 200) };
  return {};
}

function commandTask(offer, d) {
  const scalar = (name, value) => ({ name, type: 'SCALAR', scalar: { value } });
  return {
    name: `hunt-${d}`,
    taskId: { value: `hunt-${d}` },
    slaveId: offer.slaveId,
    command: { value: 'true' },
    resources: [scalar('cpus', 0.1), scalar('mem', 32)],
  };
}

/** The action of a spec, run inside the handler; its value is the handler's result. */
function act(action, event, driver, ctx) {
  const error = new Error(`hunt: ${event} handler ${action}`);
  switch (action) {
    case 'throw':
      throw error;
    case 'reject':
      return new Promise((_resolve, reject) => setTimeout(() => reject(error), 5));
    case 'never':
      return new Promise(() => undefined);
    case 'stop':
      ctx.record({ d: ctx.d, handlerStop: driver.stop() });
      return undefined;
    case 'abort':
      ctx.record({ d: ctx.d, handlerAbort: driver.abort() });
      return undefined;
    case 'stop-join':
      return (async () => {
        ctx.record({ d: ctx.d, handlerStop: driver.stop() });
        await ctx.join(driver, 'handler').catch(() => undefined);
      })();
    case 'join':
      return ctx.join(driver, 'handler').then(
        () => undefined,
        () => undefined,
      );
    default:
      throw new Error(`unknown handler action ${action}`);
  }
}

/**
 * ctx: { d, record(fields), join(driver, via) -> tracked promise, task, implicit }.
 * specs: [{ event, do }] from the program.
 */
function makeHandler(kind, specs, ctx) {
  const unclaimed = [...specs];
  let launched = false;
  const handler = {};
  for (const event of kind === 'scheduler' ? SCHEDULER_EVENTS : EXECUTOR_EVENTS) {
    handler[event] = (driver, ...args) => {
      ctx.record({ d: ctx.d, seen: event, ...describe(event, args) });
      if (kind === 'scheduler' && event === 'resourceOffers') {
        for (const offer of args[0]) {
          if (ctx.task && !launched) {
            launched = true;
            ctx.record({
              d: ctx.d,
              launch: driver.launchTasks(offer.id, [commandTask(offer, ctx.d)]),
            });
          } else {
            driver.declineOffer(offer.id);
          }
        }
      }
      if (kind === 'scheduler' && event === 'statusUpdate' && !ctx.implicit && args[0].uuid) {
        ctx.record({ d: ctx.d, acknowledged: driver.acknowledgeStatusUpdate(args[0]) });
      }
      const at = unclaimed.findIndex((spec) => spec.event === event);
      if (at === -1) return undefined;
      const [spec] = unclaimed.splice(at, 1);
      ctx.record({ d: ctx.d, action: spec.do, in: event });
      return act(spec.do, event, driver, ctx);
    };
  }
  return handler;
}

module.exports = { makeHandler, uuidString };
