import fs from 'fs';
import os from 'os';
import path from 'path';
import { Log, LogState } from '../../../src';
import { describeWithMesos } from '../../support/mesos';
import { stateCases } from './state-cases';

// Mesos's LogStateTest cases, on a LogState over a one-replica log (quorum 1), each case
// with a log of its own.
describeWithMesos('LogState over libmesos', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  stateCases(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-logstate-'));
    dirs.push(dir);
    return new LogState(new Log(1, path.join(dir, 'log'), [], { autoInitialize: true }), 1024);
  });
});
