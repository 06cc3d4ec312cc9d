import { findMesos, type MesosInstall } from '../../src/discovery';

/** The Mesos the tests run against, or why there is none. */
export function mesosForTests(): { install: MesosInstall } | { reason: string } {
  const { install, rejected } = findMesos();
  if (!install) {
    return {
      reason: `no Mesos installation found (${rejected.map((r) => r.candidate).join(', ')}); set MESOS_HOME to run them`,
    };
  }
  if (!install.master || !install.agent) {
    return {
      reason: `Mesos ${install.version} at ${install.prefix} has no mesos-master/mesos-agent`,
    };
  }
  return { install };
}

/**
 * describe() for tests that need a real Mesos: skipped, with one line saying why,
 * when none is installed.
 */
export function describeWithMesos(name: string, body: (install: MesosInstall) => void): void {
  const found = mesosForTests();
  if ('reason' in found) {
    process.stdout.write(`skipped "${name}": ${found.reason}\n`);
    describe.skip(name, () => {
      it('needs Mesos', () => undefined);
    });
    return;
  }
  describe(name, () => body(found.install));
}
