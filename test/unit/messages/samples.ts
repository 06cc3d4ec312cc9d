/** One realistic value of every message type the driver APIs carry. */
const resources = [
  { name: 'cpus', type: 'SCALAR', scalar: { value: 1 }, role: '*', reservations: [] },
  {
    name: 'mem',
    type: 'SCALAR',
    scalar: { value: 128 },
    reservations: [
      {
        type: 'DYNAMIC',
        role: 'web',
        principal: 'ops',
        labels: { labels: [{ key: 'k', value: 'v' }] },
      },
    ],
  },
  {
    name: 'ports',
    type: 'RANGES',
    ranges: { range: [{ begin: 31000n, end: 31999n }] },
    reservations: [],
  },
  { name: 'gpus-set', type: 'SET', set: { item: ['a', 'b'] }, reservations: [] },
];

const command = {
  value: 'python3 -m http.server 31000',
  shell: true,
  uris: [{ value: 'http://example.org/x.tar.gz', extract: true, executable: false }],
  environment: { variables: [{ name: 'A', value: '1', type: 'VALUE' }] },
  arguments: [],
};

const executor = {
  executorId: { value: 'exec-1' },
  frameworkId: { value: 'fw-1' },
  command,
  resources: [resources[0]],
  name: 'ts executor',
  type: 'CUSTOM',
};

export const SAMPLES: Record<string, Record<string, unknown>> = {
  'mesos.FrameworkInfo': {
    user: 'root',
    name: 'example',
    id: { value: 'fw-1' },
    failoverTimeout: 60,
    checkpoint: true,
    roles: ['web', 'batch'],
    capabilities: [{ type: 'MULTI_ROLE' }, { type: 'PARTITION_AWARE' }],
    labels: { labels: [{ key: 'team', value: 'infra' }] },
  },
  'mesos.FrameworkID': { value: 'fw-1' },
  'mesos.MasterInfo': {
    id: 'master-1',
    ip: 2130706433,
    port: 5050,
    pid: 'master@127.0.0.1:5050',
    hostname: 'localhost',
    version: '1.12.0',
    address: { hostname: 'localhost', ip: '127.0.0.1', port: 5050 },
  },
  'mesos.Offer': {
    id: { value: 'offer-1' },
    frameworkId: { value: 'fw-1' },
    slaveId: { value: 'agent-1' },
    hostname: 'localhost',
    resources,
    attributes: [{ name: 'rack', type: 'TEXT', text: { value: 'r1' } }],
    executorIds: [],
    allocationInfo: { role: 'web' },
  },
  'mesos.OfferID': { value: 'offer-1' },
  'mesos.TaskInfo': {
    name: 'web-1',
    taskId: { value: 'task-1' },
    slaveId: { value: 'agent-1' },
    resources,
    executor,
    data: new Uint8Array([0, 1, 2, 255]),
    labels: { labels: [] },
  },
  'mesos.TaskStatus': {
    taskId: { value: 'task-1' },
    state: 'TASK_RUNNING',
    message: 'running',
    source: 'SOURCE_EXECUTOR',
    reason: 'REASON_RECONCILIATION',
    data: new Uint8Array([7]),
    slaveId: { value: 'agent-1' },
    executorId: { value: 'exec-1' },
    timestamp: 1700000000.25,
    uuid: new Uint8Array([1, 2, 3, 4]),
    healthy: true,
  },
  'mesos.TaskID': { value: 'task-1' },
  'mesos.ExecutorInfo': executor,
  'mesos.ExecutorID': { value: 'exec-1' },
  'mesos.CommandInfo': command,
  'mesos.Resource': resources[1],
  'mesos.Offer.Operation': {
    type: 'LAUNCH',
    launch: {
      taskInfos: [
        { name: 't', taskId: { value: 't' }, slaveId: { value: 'a' }, resources, command },
      ],
    },
  },
  'mesos.Filters': { refuseSeconds: 5 },
  'mesos.Credential': { principal: 'ops', secret: 'pw' },
  'mesos.Request': { slaveId: { value: 'agent-1' }, resources },
  'mesos.SlaveInfo': {
    hostname: 'localhost',
    port: 5051,
    resources,
    attributes: [],
    id: { value: 'agent-1' },
    checkpoint: true,
  },
  'mesos.SlaveID': { value: 'agent-1' },
  'mesos.scheduler.OfferConstraints': {
    roleConstraints: {
      web: {
        groups: [
          {
            attributeConstraints: [
              { selector: { attributeName: 'rack' }, predicate: { exists: {} } },
            ],
          },
        ],
      },
    },
  },
};
