/** The variables a Mesos agent sets for an executor it starts. */
export const AGENT_ENVIRONMENT = {
  MESOS_SLAVE_PID: 'slave(1)@127.0.0.1:5051',
  MESOS_SLAVE_ID: 'agent-1',
  MESOS_FRAMEWORK_ID: 'fw-1',
  MESOS_EXECUTOR_ID: 'exec-1',
  MESOS_DIRECTORY: '/tmp/sandbox',
};
