import type { ServiceDefinition } from 'mesos-napi/services';

/**
 * Web servers (Node's http module, so any agent with node runs them), one per host, each
 * answering its `version` on PORT0 and health-checked there over HTTP.
 */
export function webService(version: string, instances = 3): ServiceDefinition {
  const server =
    `require('http').createServer((_, res) => res.end(${JSON.stringify(`${version}\n`)}))` +
    '.listen(process.env.PORT0)';
  return {
    name: 'web-service-example',
    pods: [
      {
        name: 'web',
        instances,
        resources: { cpus: 0.1, mem: 64, ports: 1 },
        command: ['node', '-e', server],
        environment: { VERSION: version },
        healthCheck: {
          http: { portIndex: 0, path: '/' },
          intervalSeconds: 2,
          gracePeriodSeconds: 20,
        },
        killPolicy: { gracePeriodSeconds: 2 },
        restart: { backoffSeconds: 1, backoffFactor: 2, maxLaunchDelaySeconds: 30 },
        constraints: [['hostname', 'UNIQUE']],
        // One server per host on as many hosts as servers: a new one can start only where
        // an old one went, so an update replaces them one at a time with 2 of 3 serving.
        upgrade: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 },
      },
    ],
  };
}
