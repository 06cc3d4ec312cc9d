import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SCHEMA_FILE, TYPES_FILE } from '../../../src/messages/generate/generate';
import { describeWithMesos } from '../../support/mesos';

const generator = path.join(__dirname, '..', '..', '..', 'lib', 'messages', 'generate', 'main.js');

describeWithMesos('generated schema and types', (install) => {
  it('match the installed Mesos (npm run generate:schema regenerates them)', () => {
    // A child process: Prettier, which formats the types, needs real dynamic import.
    const result = spawnSync(
      process.execPath,
      [generator, '--check', install.protoRoot!, install.version],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`schema and types match Mesos ${install.version}`);
    expect(result.status).toBe(0);
  });

  it('carry no text from the .proto files beyond names, numbers and types', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).not.toMatch(/"comment/);
    const comments = fs
      .readFileSync(TYPES_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.trim().startsWith('//'));
    expect(comments).toHaveLength(1);
  });
});
