import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InvalidArgumentError } from '../../../src/errors';
import { databasePath } from '../../../src/state/database-path';

let dir: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-dbpath-')));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a path under a regular file is kept for LevelDB to refuse (lstat fails with ENOTDIR)', () => {
  const file = path.join(dir, 'f');
  fs.writeFileSync(file, 'not a directory');
  expect(databasePath(path.join(file, 'db'), 'path')).toBe(path.join(file, 'db'));
});

test('a symbolic link to nothing is refused, naming the argument', () => {
  fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'link'));
  expect(() => databasePath(path.join(dir, 'link'), 'path')).toThrow(InvalidArgumentError);
  expect(() => databasePath(path.join(dir, 'link'), 'path')).toThrow(/^path: /);
});

test('a spelling through a link or .. is the directory the kernel resolves', () => {
  fs.mkdirSync(path.join(dir, 'real'));
  fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'jump'));
  expect(databasePath(path.join(dir, 'jump', 'db'), 'path')).toBe(path.join(dir, 'real', 'db'));
});
