import { Writable } from 'stream';
import pino from 'pino';
import { setLogger } from 'mesos-napi';
import { attachLogging } from '../../../src/logging/logging';
import type { NativeBinding } from '../../../src/native/binding';
import type { NativeLogRecord } from '../../../src/logging/record';

type Receiver = (records: NativeLogRecord[], dropped: number) => void;
let receiver: Receiver | null = null;
attachLogging({
  configureLogging: (_s: number, _v: number, _d: string | null, r: Receiver | null) => {
    receiver = r;
  },
} as unknown as NativeBinding);

test('pino in one call: its own levels, the record’s fields beside the message', () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  // Compiles: a pino logger is a Logger.
  setLogger(pino({ level: 'debug' }, stream), { level: 'info' });
  receiver!(
    [
      { severity: 0, time: 0, file: 'sched.cpp', line: 7, thread: 9, message: 'Version: 1.12.0' },
      { severity: 2, time: 0, file: 'master.cpp', line: 8, thread: 9, message: 'bad' },
    ],
    0,
  );
  expect(lines).toEqual([
    expect.objectContaining({
      level: 30,
      msg: 'Version: 1.12.0',
      source: 'libmesos',
      file: 'sched.cpp',
      line: 7,
      thread: 9,
      loggedAt: '1970-01-01T00:00:00.000Z',
    }),
    expect.objectContaining({ level: 50, msg: 'bad', file: 'master.cpp' }),
  ]);
  setLogger(null);
});
