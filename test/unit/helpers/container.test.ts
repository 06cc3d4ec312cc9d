import { containerInfo, InvalidArgumentError, type ContainerFields } from 'mesos-napi';

test('containerInfo: Mesos’s containerizer with or without an image, and Docker’s', () => {
  expect(containerInfo({ type: 'MESOS' })).toEqual({ type: 'MESOS' });
  expect(containerInfo({ type: 'MESOS', image: 'alpine:3', forcePullImage: true })).toEqual({
    type: 'MESOS',
    mesos: { image: { type: 'DOCKER', docker: { name: 'alpine:3' }, cached: false } },
  });
  expect(
    containerInfo({
      type: 'DOCKER',
      image: 'nginx:1.27',
      network: 'BRIDGE',
      portMappings: [{ hostPort: 31000, containerPort: 80, protocol: 'tcp' }],
      privileged: false,
      forcePullImage: true,
      parameters: { 'memory-swap': '1g' },
    }),
  ).toEqual({
    type: 'DOCKER',
    docker: {
      image: 'nginx:1.27',
      network: 'BRIDGE',
      portMappings: [{ hostPort: 31000, containerPort: 80, protocol: 'tcp' }],
      privileged: false,
      forcePullImage: true,
      parameters: [{ key: 'memory-swap', value: '1g' }],
    },
  });
});

test.each([
  [{ type: 'DOCKER', image: '' }, 'containerInfo.image'],
  [{ type: 'MESOS', image: '' }, 'containerInfo.image'],
  [{ type: 'RKT', image: 'x' }, 'containerInfo.type'],
  [
    {
      type: 'DOCKER',
      image: 'x',
      network: 'BRIDGE',
      portMappings: [{ hostPort: 0, containerPort: 80 }],
    },
    'containerInfo.portMappings[0].hostPort',
  ],
  [
    { type: 'DOCKER', image: 'x', portMappings: [{ hostPort: 31000, containerPort: 80 }] },
    'containerInfo.portMappings',
  ],
])('containerInfo(%j) names %s', (fields, argument) => {
  expect(() => containerInfo(fields as ContainerFields)).toThrow(InvalidArgumentError);
  try {
    containerInfo(fields as ContainerFields);
  } catch (error) {
    expect((error as InvalidArgumentError).argument).toBe(argument);
  }
});
