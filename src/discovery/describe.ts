import { formatProtobufVersion } from './protobuf-check';
import type { Discovery } from './types';

/** What `mesos-napi doctor` prints: what was found, by which rule, and why others were not. */
export function describeDiscovery(discovery: Discovery): string {
  const lines: string[] = [];
  const { install } = discovery;
  if (install) {
    lines.push(`Mesos ${install.version} found by ${install.rule}`);
    lines.push(`  prefix:       ${install.prefix}`);
    lines.push(`  library:      ${install.library}`);
    lines.push(`  include dirs: ${install.includeDirs.join(' ')}`);
    if (install.zookeeperIncludeDir) {
      lines.push(`  zookeeper.h:  ${install.zookeeperIncludeDir}`);
    }
    lines.push(
      `  .proto root:  ${install.protoRoot ?? '(none: mesos/mesos.proto is not installed)'}`,
    );
    lines.push(`  mesos-master: ${install.master ?? '(not installed)'}`);
    lines.push(`  mesos-agent:  ${install.agent ?? '(not installed)'}`);
    const { headerVersion, generatedWith, headerFile, problem } = install.protobuf;
    const show = (version?: number) => (version ? formatProtobufVersion(version) : 'unknown');
    lines.push(
      `  protobuf:     headers ${show(headerVersion)} (${headerFile ?? 'not found'}), ` +
        `libmesos generated with ${show(generatedWith)}`,
    );
    if (problem) lines.push(`  PROBLEM:      ${problem}`);
  } else {
    lines.push('Mesos not found.');
  }
  if (discovery.rejected.length > 0) {
    lines.push(install ? 'Passed over before it:' : 'Looked at:');
    for (const rejection of discovery.rejected) {
      lines.push(`  - ${rejection.candidate}: ${rejection.reason}`);
    }
  }
  return lines.join('\n');
}

/** The one paragraph an install without Mesos prints. */
export function notFoundParagraph(discovery: Discovery): string {
  const looked = discovery.rejected.map((rejection) => rejection.candidate).join(', ');
  return (
    `mesos-napi: no Mesos installation found (looked at ${looked}), so the native addon was not built; ` +
    'the TypeScript library is installed and anything that needs libmesos will say so when used. ' +
    'To build it, install Mesos (libmesos.so with its headers) and point at it with MESOS_HOME=<prefix> ' +
    '(or MESOS_NATIVE_JAVA_LIBRARY=<path to libmesos.so>, or PKG_CONFIG_PATH containing mesos.pc), ' +
    'then run `npx mesos-napi build`. `npx mesos-napi doctor` shows what was found and why.'
  );
}
