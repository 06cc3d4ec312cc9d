import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'child_process';
import path from 'path';
import { lastJsonLine } from '../support/fixture-json';
import { describeWithMesos } from '../support/mesos';
import { preloadShim } from '../support/preload-shim';

// Teardown (process.exit() on the main thread, or a worker terminated) while libmesos's
// thread waits in statusUpdate for a handler: libmesos acknowledges an update implicitly
// only while its driver runs, so the teardown must abort the driver before it releases that
// thread. A preloaded fwrite holds the aborting thread for SLOW_ABORT_MS after libmesos logs
// "Asked to abort the driver" and before abort() marks the driver stopped: released first,
// libmesos acknowledged the next update (which no handler saw) in that time (lifecycle hunt
// seed 700000095).
const ACK = /Sending ACK for status update \S+ \(Status UUID: ([0-9a-f-]+)\)/g;

describeWithMesos('teardown while a statusUpdate handler is pending', (install) => {
  const built = preloadShim(path.join(__dirname, 'fixtures', 'teardown', 'slow-abort.c'));

  test.each(['exit', 'terminate'])(
    '%s: nothing acknowledged that no handler saw',
    (mode) => {
      const result = spawnSync(
        process.execPath,
        [path.join(__dirname, 'fixtures', 'teardown', 'pending-update.js'), mode],
        {
          encoding: 'utf8',
          timeout: 90_000,
          env: {
            ...process.env,
            MESOS_QUIET: 'false',
            PROTO_ROOT: install.protoRoot,
            GLOG_minloglevel: '0',
            GLOG_vmodule: 'sched=2',
            LD_PRELOAD: built().shim,
            SLOW_ABORT_MS: '1500',
          },
          detached: true,
        } as SpawnSyncOptionsWithStringEncoding,
      );
      const json = lastJsonLine(result.stdout, result.stderr) as { seen?: string[] } | undefined;
      expect({ status: result.status, signal: result.signal }).toEqual({ status: 0, signal: null });
      expect(result.stderr).toContain('Asked to abort the driver');
      const seen = json?.seen ?? [];
      expect(seen.length).toBeGreaterThan(0);
      const acknowledged = [...result.stderr.matchAll(ACK)].map((match) => match[1]);
      expect(acknowledged.filter((uuid) => !seen.includes(uuid))).toEqual([]);
    },
    100_000,
  );
});
