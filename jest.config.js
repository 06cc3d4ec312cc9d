// libmesos logs every step at INFO to stderr; keep the test output readable (set these to
// see it again). Workers inherit the environment of this process.
process.env.GLOG_minloglevel ??= '2';
process.env.MESOS_QUIET ??= 'true';

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      preset: 'ts-jest',
      testEnvironment: 'node',
      moduleNameMapper: {
        '^mesos-napi$': '<rootDir>/src/index.ts',
        '^mesos-napi/testing$': '<rootDir>/src/testing/index.ts',
        '^mesos-napi/services$': '<rootDir>/src/services/index.ts',
      },
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      displayName: 'native',
      preset: 'ts-jest',
      testEnvironment: 'node',
      moduleNameMapper: {
        '^mesos-napi$': '<rootDir>/src/index.ts',
        '^mesos-napi/testing$': '<rootDir>/src/testing/index.ts',
        '^mesos-napi/services$': '<rootDir>/src/services/index.ts',
      },
      testMatch: ['<rootDir>/test/native/**/*.test.ts'],
    },
    {
      displayName: 'cluster',
      preset: 'ts-jest',
      testEnvironment: 'node',
      moduleNameMapper: {
        '^mesos-napi$': '<rootDir>/src/index.ts',
        '^mesos-napi/testing$': '<rootDir>/src/testing/index.ts',
        '^mesos-napi/services$': '<rootDir>/src/services/index.ts',
      },
      testMatch: ['<rootDir>/test/cluster/**/*.test.ts'],
    },
    {
      displayName: 'comparison',
      preset: 'ts-jest',
      testEnvironment: 'node',
      moduleNameMapper: {
        '^mesos-napi$': '<rootDir>/src/index.ts',
        '^mesos-napi/testing$': '<rootDir>/src/testing/index.ts',
        '^mesos-napi/services$': '<rootDir>/src/services/index.ts',
      },
      testMatch: ['<rootDir>/test/comparison/**/*.test.ts'],
    },
  ],
};
