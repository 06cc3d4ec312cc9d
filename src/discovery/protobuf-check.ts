import * as path from 'path';
import { isFile, readText } from './files';
import type { ProtobufCheck } from './types';

const SYSTEM_INCLUDE_DIRS = ['/usr/local/include', '/usr/include'];

/** "3021012" → "3.21.12" */
export function formatProtobufVersion(version: number): string {
  return `${Math.floor(version / 1000000)}.${Math.floor(version / 1000) % 1000}.${version % 1000}`;
}

/** The protoc version a generated .pb.h says it came from. */
export function generatedWithVersion(pbHeader: string): number | undefined {
  const match = /#if (\d{7}) < (?:GOOGLE_)?PROTOBUF_MIN_PROTOC_VERSION/.exec(pbHeader);
  return match ? Number(match[1]) : undefined;
}

export function headerVersion(commonHeader: string): number | undefined {
  const match = /#define GOOGLE_PROTOBUF_VERSION (\d+)/.exec(commonHeader);
  return match ? Number(match[1]) : undefined;
}

/**
 * Compares the protobuf headers the addon would compile with (first match in the include
 * path, then the system's) against the protoc that generated libmesos's mesos.pb.h:
 * compiling the addon against other headers than libmesos's corrupts memory at run time.
 */
export function checkProtobuf(includeDirs: string[], mesosIncludeDir: string): ProtobufCheck {
  const check: ProtobufCheck = {};
  for (const dir of [...includeDirs, ...SYSTEM_INCLUDE_DIRS]) {
    const file = path.join(dir, 'google', 'protobuf', 'stubs', 'common.h');
    if (isFile(file)) {
      check.headerFile = file;
      check.headerVersion = headerVersion(readText(file) ?? '');
      break;
    }
  }
  const pbHeader = readText(path.join(mesosIncludeDir, 'mesos', 'mesos.pb.h'));
  if (pbHeader !== undefined) check.generatedWith = generatedWithVersion(pbHeader);

  if (check.headerFile === undefined) {
    check.problem =
      'no protobuf headers found (google/protobuf/stubs/common.h); install the protobuf ' +
      'development package libmesos was built with, or Mesos with --enable-install-module-dependencies';
  } else if (check.generatedWith === undefined) {
    check.problem = `cannot tell which protobuf libmesos was built with (no readable ${path.join(mesosIncludeDir, 'mesos', 'mesos.pb.h')})`;
  } else if (check.headerVersion !== check.generatedWith) {
    const have = check.headerVersion ? formatProtobufVersion(check.headerVersion) : 'unknown';
    check.problem =
      `protobuf mismatch: libmesos was built with protobuf ${formatProtobufVersion(check.generatedWith)}, ` +
      `but the headers found first are ${have} (${check.headerFile}). ` +
      'Point the build at the protobuf libmesos used (or reinstall Mesos against this one).';
  }
  return check;
}
