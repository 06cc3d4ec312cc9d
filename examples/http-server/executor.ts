import {
  MesosExecutorDriver,
  stopAfter,
  type Executor,
  type ExecutorDriver,
  type TaskID,
  type TaskInfo,
} from 'mesos-napi';
import { VERBOSE_VARIABLE } from './executor-command';
import { describeError } from './report-error';
import { HttpServerProcess } from './server-process';
import { decodeTaskData } from './task-data';

/**
 * The example's executor, started by the agent for each task: runs python3 -m http.server
 * on the task's port in its sandbox, TASK_RUNNING once it answers, then TASK_FINISHED when
 * its lifetime is over, TASK_FAILED if it exits by itself, TASK_KILLED on killTask.
 */
class HttpServerExecutor implements Executor {
  private readonly servers = new Map<
    string,
    { server: HttpServerProcess; ending?: 'finished' | 'killed' }
  >();

  launchTask(driver: ExecutorDriver, task: TaskInfo): void {
    void this.run(driver, task);
  }

  killTask(_driver: ExecutorDriver, taskId: TaskID): void {
    this.end(taskId.value, 'killed');
  }

  shutdown(): void {
    for (const id of this.servers.keys()) this.end(id, 'killed');
  }

  private async run(driver: ExecutorDriver, task: TaskInfo): Promise<void> {
    const taskId = task.taskId;
    const update = (
      state: 'TASK_RUNNING' | 'TASK_FINISHED' | 'TASK_FAILED' | 'TASK_KILLED',
      message: string,
    ) => driver.sendStatusUpdate({ taskId, state, message });
    let port: number;
    let lifetimeSeconds: number | undefined;
    try {
      ({ port, lifetimeSeconds } = decodeTaskData(task.data));
    } catch (error) {
      update('TASK_FAILED', (error as Error).message);
      return this.exitWhenIdle(driver);
    }
    const server = new HttpServerProcess(port, process.cwd());
    const entry: { server: HttpServerProcess; ending?: 'finished' | 'killed' } = { server };
    this.servers.set(taskId.value, entry);
    if (await server.ready()) {
      update('TASK_RUNNING', `serving port ${port}`);
      if (lifetimeSeconds)
        setTimeout(() => this.end(taskId.value, 'finished'), lifetimeSeconds * 1000);
    }
    const exit = await server.exited;
    this.servers.delete(taskId.value);
    if (entry.ending === 'killed') update('TASK_KILLED', 'killed on request');
    else if (entry.ending === 'finished') update('TASK_FINISHED', `served for ${lifetimeSeconds}s`);
    else update('TASK_FAILED', `server exited with ${exit.signal ?? `code ${exit.code}`}`);
    await this.exitWhenIdle(driver);
  }

  private end(taskId: string, how: 'finished' | 'killed'): void {
    const entry = this.servers.get(taskId);
    if (!entry || entry.ending) return;
    entry.ending = how;
    void entry.server.kill();
  }

  private async exitWhenIdle(driver: ExecutorDriver): Promise<void> {
    if (this.servers.size === 0) await stopAfter(driver);
  }
}

// In a promise, so that a constructor's throw is reported as a rejection is.
Promise.resolve()
  .then(() => new MesosExecutorDriver(new HttpServerExecutor()).run())
  .then(
    () => undefined,
    (error: unknown) => {
      console.error(
        describeError(error, process.env[VERBOSE_VARIABLE] === '1', 'mesos-napi example executor'),
      );
      process.exitCode = 1;
    },
  );
