import * as fs from 'fs';
import * as path from 'path';
import { followLog } from '../../../src/cli/follow-log';
import { tempDir } from '../../support/fake-mesos';

describe('followLog', () => {
  const dir = tempDir('follow');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies the lines there are and those appended later, prefixed, a last partial one on stop', () => {
    const file = path.join(dir, 'agent.log');
    fs.writeFileSync(file, 'I1207 one\nI1207 two\n');
    const lines: string[] = [];
    const stop = followLog(file, 'agent| ', (line) => lines.push(line), 60_000);
    expect(lines).toEqual(['agent| I1207 one', 'agent| I1207 two']);
    fs.appendFileSync(file, 'W1207 three\nE1207 fo');
    stop();
    expect(lines).toEqual([
      'agent| I1207 one',
      'agent| I1207 two',
      'agent| W1207 three',
      'agent| E1207 fo',
    ]);
  });

  it('waits for a file not written yet', () => {
    const file = path.join(dir, 'later.log');
    const lines: string[] = [];
    const stop = followLog(file, '', (line) => lines.push(line), 60_000);
    fs.writeFileSync(file, 'first\n');
    stop();
    expect(lines).toEqual(['first']);
  });
});
