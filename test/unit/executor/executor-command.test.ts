import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InvalidArgumentError } from '../../../src/errors';
import { executorCommand } from '../../../src/executor/executor-command';
import { encodeMessage } from '../../../src/messages';

const script = path.join(__dirname, '..', '..', 'native', 'fixtures', 'raw-executor.js');

describe('executorCommand', () => {
  it('runs the script with this node, without a shell, and finds this package through NODE_PATH', () => {
    const command = executorCommand(script, { args: ['--port', '1'], environment: { A: 'b' } });
    expect(command.shell).toBe(false);
    expect(command.value).toBe(process.execPath);
    expect(command.arguments).toEqual([process.execPath, script, '--port', '1']);
    const variables = command.environment!.variables!;
    expect(variables[1]).toEqual({ name: 'A', value: 'b' });
    const nodePath = variables[0];
    expect(nodePath.name).toBe('NODE_PATH');
    const linked = fs.realpathSync(path.join(nodePath.value!, 'mesos-napi'));
    expect(linked).toBe(fs.realpathSync(path.join(__dirname, '..', '..', '..')));
    expect(() => encodeMessage('mesos.CommandInfo', command, 'command')).not.toThrow();
  });

  it('puts node options before the script', () => {
    const command = executorCommand(script, {
      nodeArgs: ['--enable-source-maps'],
      node: '/usr/bin/node',
    });
    expect(command.arguments).toEqual(['/usr/bin/node', '--enable-source-maps', script]);
  });

  it('explains what is wrong with the script', () => {
    expect(() => executorCommand('/nowhere/executor.js')).toThrow(
      new InvalidArgumentError('script', '/nowhere/executor.js does not exist'),
    );
    const ts = path.join(__dirname, 'executor-command.test.ts');
    expect(() => executorCommand(ts)).toThrow(
      /is TypeScript, which this Node cannot run by itself/,
    );
    expect(() => executorCommand(ts, { nodeArgs: ['--import', 'tsx'] })).not.toThrow();
  });

  it('takes a file: URL, as ESM code has (new URL("./executor.js", import.meta.url))', () => {
    const command = executorCommand(new URL(`file://${script}`));
    expect(command.arguments).toEqual([process.execPath, script]);
    expect(() => executorCommand(new URL('https://example.org/executor.js'))).toThrow(
      /^script: expected a file: URL/,
    );
  });

  // In a child process: jest resolves modules its own way.
  it('an ES module executor must find mesos-napi through node_modules, or says why not', () => {
    const lib = path.join(__dirname, '..', '..', '..', 'lib', 'executor', 'executor-command.js');
    const attempt = (file: string) =>
      spawnSync(
        process.execPath,
        ['-e', `require(${JSON.stringify(lib)}).executorCommand(${JSON.stringify(file)})`],
        { encoding: 'utf8' },
      );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-esm-'));
    try {
      const lonely = path.join(dir, 'executor.mjs');
      fs.writeFileSync(lonely, "import 'mesos-napi';\n");
      expect(attempt(lonely).stderr).toMatch(/is an ES module, which finds 'mesos-napi' only/);
      const modules = path.join(dir, 'node_modules');
      fs.mkdirSync(modules);
      fs.symlinkSync(path.join(__dirname, '..', '..', '..'), path.join(modules, 'mesos-napi'));
      expect(attempt(lonely)).toMatchObject({ status: 0, stderr: '' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
