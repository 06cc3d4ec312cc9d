import { builtAgainst } from './build-record';
import { findMesos } from './find-mesos';

export { findMesos, DEFAULT_PREFIXES } from './find-mesos';
export { builtAgainst, writeBuildRecord, BUILD_RECORD } from './build-record';
export { checkProtobuf, formatProtobufVersion } from './protobuf-check';
export { describeDiscovery, notFoundParagraph } from './describe';
export type * from './types';

/**
 * The directory holding mesos/mesos.proto of the Mesos the addon was built against,
 * else of the Mesos found now; undefined when neither has one.
 */
export function mesosProtoRoot(): string | undefined {
  return builtAgainst()?.protoRoot ?? findMesos().install?.protoRoot;
}
