import * as fs from 'fs';
import {
  isLocalMaster,
  LOCAL_MASTER_DEFAULTS,
  prepareLocalMaster,
} from '../../../src/scheduler/local-master';

describe('prepareLocalMaster', () => {
  it('recognises local and localquiet only', () => {
    expect(isLocalMaster('local')).toBe(true);
    expect(isLocalMaster('localquiet')).toBe(true);
    expect(isLocalMaster('127.0.0.1:5050')).toBe(false);
  });

  it('fills every unset variable and creates a work directory that cleanup removes', () => {
    const env: NodeJS.ProcessEnv = {};
    const prepared = prepareLocalMaster(env);
    expect(env).toMatchObject(LOCAL_MASTER_DEFAULTS);
    expect(prepared.createdWorkDir).toBeDefined();
    expect(env.MESOS_WORK_DIR).toBe(prepared.createdWorkDir);
    expect(fs.statSync(prepared.createdWorkDir!).isDirectory()).toBe(true);
    expect(Object.keys(prepared.applied).sort()).toEqual(
      [...Object.keys(LOCAL_MASTER_DEFAULTS), 'MESOS_WORK_DIR'].sort(),
    );
    prepared.cleanup();
    expect(fs.existsSync(prepared.createdWorkDir!)).toBe(false);
  });

  it('never replaces what the user set', () => {
    const env: NodeJS.ProcessEnv = { MESOS_ISOLATION: 'cgroups/cpu', MESOS_WORK_DIR: '/srv/mesos' };
    const prepared = prepareLocalMaster(env);
    expect(env.MESOS_ISOLATION).toBe('cgroups/cpu');
    expect(env.MESOS_WORK_DIR).toBe('/srv/mesos');
    expect(prepared.createdWorkDir).toBeUndefined();
    expect(prepared.applied).not.toHaveProperty('MESOS_ISOLATION');
    prepared.cleanup();
    expect(env.MESOS_WORK_DIR).toBe('/srv/mesos');
  });
});
