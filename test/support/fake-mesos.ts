import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface FakeMesosOptions {
  version?: string;
  /** protoc version recorded in mesos.pb.h; undefined leaves the file out. */
  generatedWith?: number | undefined;
  /** GOOGLE_PROTOBUF_VERSION of protobuf headers bundled under lib/mesos/3rdparty/include. */
  bundledProtobuf?: number;
  withLibrary?: boolean;
  withHeaders?: boolean;
  withBinaries?: boolean;
  libSubdir?: string;
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mesos-napi-${label}-`));
}

function write(file: string, text: string, mode?: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
}

/** Lays out what discovery looks at in a Mesos prefix; the files hold no real code. */
export function makeFakeMesos(prefix: string, options: FakeMesosOptions = {}): string {
  const {
    version = '1.12.0',
    withLibrary = true,
    withHeaders = true,
    withBinaries = false,
    libSubdir = 'lib',
  } = options;
  const generatedWith = 'generatedWith' in options ? options.generatedWith : 3021012;
  if (withLibrary) write(path.join(prefix, libSubdir, 'libmesos.so'), '');
  if (withHeaders) {
    write(path.join(prefix, 'include', 'mesos', 'scheduler.hpp'), '');
    write(path.join(prefix, 'include', 'mesos', 'mesos.proto'), '');
    write(
      path.join(prefix, 'include', 'mesos', 'version.hpp'),
      `#define MESOS_VERSION "${version}"\n`,
    );
    if (generatedWith !== undefined) {
      write(
        path.join(prefix, 'include', 'mesos', 'mesos.pb.h'),
        `#if ${generatedWith} < PROTOBUF_MIN_PROTOC_VERSION\n#error\n#endif\n`,
      );
    }
  }
  if (options.bundledProtobuf !== undefined) {
    write(
      path.join(
        prefix,
        libSubdir,
        'mesos',
        '3rdparty',
        'include',
        'google',
        'protobuf',
        'stubs',
        'common.h',
      ),
      `#define GOOGLE_PROTOBUF_VERSION ${options.bundledProtobuf}\n`,
    );
  }
  if (withBinaries) {
    write(path.join(prefix, 'sbin', 'mesos-master'), '#!/bin/sh\n', 0o755);
    write(path.join(prefix, 'sbin', 'mesos-agent'), '#!/bin/sh\n', 0o755);
  }
  return prefix;
}

/** A pkg-config search directory holding a mesos.pc for prefix. */
export function makeMesosPc(dir: string, prefix: string, extraCflags = ''): string {
  write(
    path.join(dir, 'mesos.pc'),
    [
      `prefix=${prefix}`,
      'exec_prefix=${prefix}',
      'includedir=${prefix}/include',
      'libdir=${exec_prefix}/lib',
      'Name: mesos',
      'Description: test',
      'Version: 1.12.0',
      `Cflags: -I\${includedir} -D__STDC_FORMAT_MACROS ${extraCflags}`,
      'Libs: -L${libdir} -lmesos',
      '',
    ].join('\n'),
  );
  return dir;
}
