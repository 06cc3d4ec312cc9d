import * as fs from 'fs';
import * as path from 'path';
import { findMesos } from '../../../src/discovery';
import { makeFakeMesos, makeMesosPc, tempDir } from '../../support/fake-mesos';

const root = tempDir('discovery');
const emptyPkgConfig = tempDir('pc-empty');

/** An environment where nothing but what a test adds can be found. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    PKG_CONFIG_PATH: emptyPkgConfig,
    PKG_CONFIG_LIBDIR: emptyPkgConfig,
    ...extra,
  };
}

function find(extra: NodeJS.ProcessEnv = {}, fallbackPrefixes: string[] = []) {
  return findMesos({ env: env(extra), fallbackPrefixes });
}

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('findMesos rules', () => {
  const home = makeFakeMesos(path.join(root, 'home'), { version: '1.11.0' });
  const javaLib = makeFakeMesos(path.join(root, 'java'), { version: '1.10.0', libSubdir: 'lib64' });
  const nativeLib = makeFakeMesos(path.join(root, 'native'), { version: '1.9.0' });
  const pcPrefix = makeFakeMesos(path.join(root, 'pc'), { version: '1.8.0' });
  const pcDir = makeMesosPc(path.join(root, 'pcdir'), pcPrefix, '-I/opt/extra/include -DEXTRA');
  const pathPrefix = makeFakeMesos(path.join(root, 'onpath'), {
    version: '1.7.0',
    withBinaries: true,
  });
  const fallback = makeFakeMesos(path.join(root, 'fallback'), { version: '1.6.0' });

  const all = {
    MESOS_HOME: home,
    MESOS_NATIVE_JAVA_LIBRARY: path.join(javaLib, 'lib64', 'libmesos.so'),
    MESOS_NATIVE_LIBRARY: path.join(nativeLib, 'lib', 'libmesos.so'),
    PKG_CONFIG_PATH: pcDir,
    PKG_CONFIG_LIBDIR: pcDir,
    PATH: `${path.join(pathPrefix, 'sbin')}${path.delimiter}${process.env.PATH}`,
  };

  it('MESOS_HOME comes first', () => {
    const { install } = find(all, [fallback]);
    expect(install).toMatchObject({ rule: 'MESOS_HOME', prefix: home, version: '1.11.0' });
    expect(install?.library).toBe(path.join(home, 'lib', 'libmesos.so'));
    expect(install?.protoRoot).toBe(path.join(home, 'include'));
  });

  it('then MESOS_NATIVE_JAVA_LIBRARY, whose directory gives the prefix', () => {
    const { install } = find({ ...all, MESOS_HOME: undefined }, [fallback]);
    expect(install).toMatchObject({
      rule: 'MESOS_NATIVE_JAVA_LIBRARY',
      prefix: javaLib,
      version: '1.10.0',
    });
    expect(install?.libraryDir).toBe(path.join(javaLib, 'lib64'));
  });

  it('then MESOS_NATIVE_LIBRARY', () => {
    const { install } = find(
      { ...all, MESOS_HOME: undefined, MESOS_NATIVE_JAVA_LIBRARY: undefined },
      [fallback],
    );
    expect(install).toMatchObject({ rule: 'MESOS_NATIVE_LIBRARY', prefix: nativeLib });
  });

  it('then pkg-config, keeping its extra include directories and flags', () => {
    const { install } = find(
      {
        ...all,
        MESOS_HOME: undefined,
        MESOS_NATIVE_JAVA_LIBRARY: undefined,
        MESOS_NATIVE_LIBRARY: undefined,
      },
      [fallback],
    );
    expect(install).toMatchObject({ rule: 'pkg-config', prefix: pcPrefix, version: '1.8.0' });
    expect(install?.includeDirs).toEqual([path.join(pcPrefix, 'include'), '/opt/extra/include']);
    expect(install?.cflags).toEqual(['-D__STDC_FORMAT_MACROS', '-DEXTRA']);
  });

  it('then mesos-master on PATH', () => {
    const { install } = find({ PATH: all.PATH }, [fallback]);
    expect(install).toMatchObject({ rule: 'PATH', prefix: pathPrefix, version: '1.7.0' });
    expect(install?.master).toBe(path.join(pathPrefix, 'sbin', 'mesos-master'));
  });

  it('then the default prefixes, in order', () => {
    const { install, rejected } = find({}, [path.join(root, 'nowhere'), fallback]);
    expect(install).toMatchObject({ rule: 'default-prefix', prefix: fallback, version: '1.6.0' });
    expect(rejected.map((r) => r.candidate)).toEqual([
      'pkg-config mesos',
      'mesos-master on PATH',
      path.join(root, 'nowhere'),
    ]);
  });

  it('reports every candidate with its reason when nothing is found', () => {
    const { install, rejected } = find({ MESOS_HOME: path.join(root, 'nowhere') }, []);
    expect(install).toBeUndefined();
    expect(rejected[0]).toEqual({
      rule: 'MESOS_HOME',
      candidate: `MESOS_HOME=${path.join(root, 'nowhere')}`,
      reason: `${path.join(root, 'nowhere')} is not a directory`,
    });
    expect(rejected.map((r) => r.rule)).toEqual(['MESOS_HOME', 'pkg-config', 'PATH']);
  });
});

describe('findMesos rejections', () => {
  it('passes over a prefix without libmesos, saying so', () => {
    const prefix = makeFakeMesos(path.join(root, 'nolib'), { withLibrary: false });
    const fallback = makeFakeMesos(path.join(root, 'good'));
    const { install, rejected } = find({ MESOS_HOME: prefix }, [fallback]);
    expect(install?.prefix).toBe(fallback);
    expect(rejected[0].reason).toMatch(/^no libmesos\.so in .*nolib\/lib or/);
  });

  it('passes over a libmesos without headers', () => {
    const prefix = makeFakeMesos(path.join(root, 'noheaders'), { withHeaders: false });
    const { install, rejected } = find({ MESOS_HOME: prefix });
    expect(install).toBeUndefined();
    expect(rejected[0].reason).toMatch(/but not its headers/);
  });

  it('passes over a library variable that names no file', () => {
    const { rejected } = find({ MESOS_NATIVE_JAVA_LIBRARY: '/no/such/libmesos.so' });
    expect(rejected[0]).toMatchObject({
      rule: 'MESOS_NATIVE_JAVA_LIBRARY',
      reason: '/no/such/libmesos.so is not a file (it should name libmesos.so)',
    });
  });

  it('reports a broken pkg-config file', () => {
    const dir = path.join(root, 'brokenpc');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'mesos.pc'),
      'Name: mesos\nVersion: 1.12.0\nCflags: -I${undefined_variable}\n',
    );
    const { install, rejected } = find({ PKG_CONFIG_PATH: dir, PKG_CONFIG_LIBDIR: dir });
    expect(install).toBeUndefined();
    const pc = rejected.find((r) => r.rule === 'pkg-config');
    expect(pc?.reason).toMatch(/^pkg-config cannot read .*brokenpc\/mesos\.pc: .+/);
  });

  it('reports a pkg-config file whose prefix holds no Mesos', () => {
    const pcDir = makeMesosPc(path.join(root, 'stalepc'), path.join(root, 'gone'));
    const { rejected } = find({ PKG_CONFIG_PATH: pcDir, PKG_CONFIG_LIBDIR: pcDir });
    expect(rejected.find((r) => r.rule === 'pkg-config')?.reason).toMatch(
      /gone is not a directory/,
    );
  });
});

describe('protobuf check', () => {
  it('agrees when the headers found first match the protoc that generated mesos.pb.h', () => {
    const prefix = makeFakeMesos(path.join(root, 'pbok'), {
      generatedWith: 3005000,
      bundledProtobuf: 3005000,
    });
    const { install } = find({ MESOS_HOME: prefix });
    expect(install?.includeDirs).toContain(
      path.join(prefix, 'lib', 'mesos', '3rdparty', 'include'),
    );
    expect(install?.protobuf).toMatchObject({ headerVersion: 3005000, generatedWith: 3005000 });
    expect(install?.protobuf.problem).toBeUndefined();
  });

  it('names both versions on a mismatch', () => {
    const prefix = makeFakeMesos(path.join(root, 'pbbad'), {
      generatedWith: 3005000,
      bundledProtobuf: 3021012,
    });
    const { install } = find({ MESOS_HOME: prefix });
    expect(install?.protobuf.problem).toMatch(
      /^protobuf mismatch: libmesos was built with protobuf 3\.5\.0, but the headers found first are 3\.21\.12 \(.*common\.h\)/,
    );
  });

  it('says when it cannot tell which protobuf libmesos used', () => {
    const prefix = makeFakeMesos(path.join(root, 'pbunknown'), {
      generatedWith: undefined,
      bundledProtobuf: 3021012,
    });
    const { install } = find({ MESOS_HOME: prefix });
    expect(install?.protobuf.problem).toMatch(/cannot tell which protobuf libmesos was built with/);
  });
});
