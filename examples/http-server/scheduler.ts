import {
  executorInfo,
  filters,
  isTerminal,
  newTaskId,
  takeResources,
  taskInfo,
  type CommandInfo,
  type Input,
  type Offer,
  type ResourceLike,
  type Scheduler,
  type SchedulerDriver,
  type TaskStatus,
} from 'mesos-napi';
import { httpServerExecutorCommand } from './executor-command';
import { encodeTaskData } from './task-data';

const TASK = { cpus: 1, mem: 128, ports: 1 };
const EXECUTOR = { cpus: 0.1, mem: 32 };

interface Launched {
  url: string;
  state: string;
}

/**
 * Launches `tasks` web servers (1 cpu, 128 MB and one port each) on the example's own
 * executor, reports progress, and stops the framework once every task has ended.
 */
export class HttpServerScheduler implements Scheduler {
  private readonly launched = new Map<string, Launched>();
  private shuttingDown = false;
  readonly finished: Promise<void>;
  private finish!: () => void;

  private readonly log: (line: string) => void;
  private executor: Input<CommandInfo> | undefined;

  /**
   * options.log: where progress lines go (default console.log); options.executor: the
   * executor's command (default: this example's executor.js, run by this node, quiet).
   */
  constructor(
    private tasks: number,
    private readonly lifetimeSeconds: number | undefined,
    options: { log?: (line: string) => void; executor?: Input<CommandInfo> } = {},
  ) {
    this.log = options.log ?? ((line) => console.log(line));
    this.executor = options.executor;
    this.finished = new Promise((resolve) => (this.finish = resolve));
  }

  private executorCommand(): Input<CommandInfo> {
    this.executor ??= httpServerExecutorCommand({ verbose: false, local: false });
    return this.executor;
  }

  registered(
    _driver: SchedulerDriver,
    frameworkId: { value: string },
    master: { hostname?: string; port: number },
  ): void {
    this.log(
      `registered as framework ${frameworkId.value} with master ${master.hostname}:${master.port}`,
    );
  }

  resourceOffers(driver: SchedulerDriver, offers: Offer[]): void {
    for (const offer of offers) {
      this.log(`offer ${offer.id.value} from ${offer.hostname}`);
      const launch = [];
      let resources: ResourceLike[] = offer.resources;
      // launched already counts the tasks staged in this loop.
      while (!this.shuttingDown && this.launched.size < this.tasks) {
        const forExecutor = takeResources(resources, EXECUTOR);
        const forTask = forExecutor && takeResources(forExecutor.remaining, TASK);
        if (!forExecutor || !forTask) break;
        resources = forTask.remaining;
        const port = forTask.ports[0];
        // The port is in the id: a new leader learns the task (not its TaskInfo) from
        // reconciliation.
        const id = newTaskId(`web-${port}`);
        launch.push(
          taskInfo({
            name: `web server on port ${port}`,
            taskId: id,
            agentId: offer.slaveId,
            resources: forTask.taken,
            data: encodeTaskData({ port, lifetimeSeconds: this.lifetimeSeconds }),
            executor: executorInfo({
              executorId: { value: id.value },
              name: 'mesos-napi http-server executor',
              command: this.executorCommand(),
              resources: forExecutor.taken,
            }),
          }),
        );
        this.launched.set(id.value, {
          url: `http://${offer.hostname}:${port}/`,
          state: 'TASK_STAGING',
        });
        this.log(`staging ${id.value} on ${offer.hostname} (port ${port})`);
      }
      if (launch.length > 0) driver.launchTasks([offer.id], launch, filters(1));
      else driver.declineOffer(offer.id, filters(this.launched.size >= this.tasks ? 3600 : 5));
    }
    if (this.launched.size >= this.tasks) driver.suppressOffers();
  }

  statusUpdate(driver: SchedulerDriver, status: TaskStatus): void {
    const task = this.launched.get(status.taskId.value) ?? this.adopt(status);
    if (!task) return;
    task.state = status.state;
    const detail =
      status.state === 'TASK_RUNNING'
        ? ` serving ${task.url}`
        : status.message
          ? ` (${status.message})`
          : '';
    this.log(`${status.taskId.value} ${status.state}${detail}`);
    const ended = [...this.launched.values()].filter((t) =>
      isTerminal(t.state as TaskStatus['state']),
    );
    if (this.launched.size >= this.tasks && ended.length === this.launched.size) {
      const failed = ended.filter(
        (t) => t.state !== 'TASK_FINISHED' && t.state !== 'TASK_KILLED',
      ).length;
      this.log(
        `all ${ended.length} tasks ended${failed > 0 ? `, ${failed} failed` : ''}; stopping`,
      );
      driver.stop();
      this.finish();
    }
  }

  /**
   * A task this process did not launch, reported by reconciliation after it took over as
   * leader (--ha): it counts as one of the servers, so none is launched in its place.
   */
  private adopt(status: TaskStatus): Launched | undefined {
    const port = /^web-(\d+)-/.exec(status.taskId.value)?.[1];
    if (!port || isTerminal(status.state)) return undefined;
    const task = { url: `port ${port}`, state: status.state };
    this.launched.set(status.taskId.value, task);
    this.log(`adopted ${status.taskId.value} (${status.state}, port ${port})`);
    return task;
  }

  error(_driver: SchedulerDriver, message: string): void {
    this.log(`error from Mesos: ${message}`);
  }

  /** Ctrl-C: kill every task still running; the framework stops once all have ended. */
  shutdown(driver: SchedulerDriver): void {
    this.shuttingDown = true;
    this.tasks = this.launched.size;
    const live = [...this.launched.entries()].filter(
      ([, t]) => !isTerminal(t.state as TaskStatus['state']),
    );
    this.log(`stopping: killing ${live.length} task(s)`);
    if (live.length === 0) {
      driver.stop();
      this.finish();
    }
    for (const [id] of live) driver.killTask({ value: id });
  }
}
