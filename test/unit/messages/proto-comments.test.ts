import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  annotateDeclarations,
  DECLARATION_FILES,
  protoComments,
} from '../../../src/messages/generate/proto-comments';
import { PROTO_FILES } from '../../../src/messages/proto-files';
import { describeWithMesos } from '../../support/mesos';

const lib = path.join(__dirname, '..', '..', '..', 'lib');

function fakeProtoTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-protos-'));
  for (const file of PROTO_FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    const pkg = path.dirname(file).replace(/\//g, '.');
    fs.writeFileSync(path.join(dir, file), `syntax = "proto2";\npackage ${pkg};\n`);
  }
  fs.writeFileSync(
    path.join(dir, 'mesos', 'mesos.proto'),
    [
      'syntax = "proto2";',
      'package mesos;',
      '/**',
      ' * Describes a task.',
      ' */',
      'message TaskInfo {',
      '  // The name. It may hold */ too.',
      '  required string name = 1;',
      '  optional int32 kill_policy = 2;',
      '}',
      '// What a task goes through.',
      'enum TaskState {',
      '  // Initial state.',
      '  TASK_STAGING = 6;',
      '  TASK_RUNNING = 1;',
      '}',
    ].join('\n'),
  );
  return dir;
}

describe('the .proto comments in the compiled message types', () => {
  const declarations = [
    'export interface TaskInfo {',
    '    name: string;',
    '    killPolicy?: number;',
    '}',
    "export type TaskState = 'TASK_STAGING' | 'TASK_RUNNING';",
    '',
  ].join('\n');

  test('each type and field that has a comment gets it as TSDoc, once however often annotated', () => {
    const dir = fakeProtoTree();
    try {
      const comments = protoComments(dir, ['mesos']);
      const once = annotateDeclarations(declarations, comments);
      expect(once).toBe(
        [
          '/**',
          ' * Describes a task.',
          ' */',
          'export interface TaskInfo {',
          '    /**',
          '     * The name. It may hold *\\/ too.',
          '     */',
          '    name: string;',
          '    killPolicy?: number;',
          '}',
          '/**',
          ' * What a task goes through.',
          ' *',
          ' * - `TASK_STAGING`: Initial state.',
          ' */',
          "export type TaskState = 'TASK_STAGING' | 'TASK_RUNNING';",
          '',
        ].join('\n'),
      );
      expect(annotateDeclarations(once, comments)).toBe(once);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithMesos('the compiled message types (lib/, annotated by npm run build:ts)', () => {
  const read = (file: string) => fs.readFileSync(path.join(lib, file), 'utf8');
  const docBefore = (text: string, declaration: string): string => {
    const at = text.indexOf(declaration);
    expect(at).toBeGreaterThan(0);
    const before = text.slice(0, at).trimEnd();
    expect(before.endsWith('*/')).toBe(true);
    return before.slice(before.lastIndexOf('/**'));
  };

  test('carry mesos.proto comments on named types and fields', () => {
    const classic = read(DECLARATION_FILES[0].file);
    const taskInfo = classic.slice(classic.indexOf('export interface TaskInfo {'));
    expect(docBefore(taskInfo, 'killPolicy?: KillPolicy;')).toMatch(/kill policy/i);
    expect(docBefore(classic, 'export interface TaskInfo {')).toMatch(/Describes a task/);
    expect(docBefore(classic, 'export type TaskState =')).toMatch(/TASK_STAGING`: Initial state/);
  });

  test('and the v1 types carry mesos/v1 comments', () => {
    const v1 = read(DECLARATION_FILES[1].file);
    expect(docBefore(v1, 'export interface Offer {')).toMatch(/\S/);
  });
});
