import * as path from 'path';
import { executorCommand, type CommandInfo, type Input } from 'mesos-napi';

/** Set in the executor's environment by --verbose: it then prints errors with their stack. */
export const VERBOSE_VARIABLE = 'HTTP_SERVER_EXAMPLE_VERBOSE';

/**
 * The command that starts the example's executor (executor.js, run by this node). Quiet
 * unless verbose: libmesos's lines at ERROR only and, on master=local, whose in-process
 * agent gives its executors this process's stdout and stderr (Mesos's io switchboard in
 * local mode), everything the executor and its server print in executor.log in its sandbox.
 */
export function httpServerExecutorCommand(options: {
  verbose: boolean;
  local: boolean;
}): Input<CommandInfo> {
  const script = path.join(__dirname, 'executor.js');
  if (options.verbose) return executorCommand(script, { environment: { [VERBOSE_VARIABLE]: '1' } });
  const command = executorCommand(script, {
    environment: { MESOS_QUIET: 'true', GLOG_minloglevel: '2' },
  });
  if (!options.local) return command;
  return {
    ...command,
    value: '/bin/sh',
    arguments: ['sh', '-c', 'exec "$@" >>executor.log 2>&1', 'sh', ...(command.arguments ?? [])],
  };
}
