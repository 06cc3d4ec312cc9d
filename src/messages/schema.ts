import * as fs from 'fs';
import * as path from 'path';
import * as protobuf from 'protobufjs';
import { mesosProtoRoot } from '../discovery';
import { PROTO_FILES } from './proto-files';

/** Where the message schema came from: the installed Mesos's .proto files, or the committed one. */
export type SchemaSource =
  { kind: 'installed'; protoRoot: string } | { kind: 'committed'; file: string };

export const COMMITTED_SCHEMA = path.join(__dirname, '..', '..', 'schema', 'mesos.json');

/** Loads the .proto files of a Mesos include directory (camelCase field names). */
export function loadProtoRoot(protoRoot: string): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(protoRoot, target);
  root.loadSync([...PROTO_FILES], { keepCase: false });
  root.resolveAll();
  return root;
}

let loaded: { root: protobuf.Root; source: SchemaSource } | undefined;

/** The schema of the Mesos the addon was built against (or found now), else the committed one. */
export function schema(): { root: protobuf.Root; source: SchemaSource } {
  if (loaded) return loaded;
  const protoRoot = mesosProtoRoot();
  if (protoRoot && fs.existsSync(path.join(protoRoot, PROTO_FILES[0]))) {
    loaded = { root: loadProtoRoot(protoRoot), source: { kind: 'installed', protoRoot } };
  } else {
    const json = JSON.parse(fs.readFileSync(COMMITTED_SCHEMA, 'utf8')) as protobuf.INamespace;
    const root = protobuf.Root.fromJSON(json);
    root.resolveAll();
    loaded = { root, source: { kind: 'committed', file: COMMITTED_SCHEMA } };
  }
  return loaded;
}

/** Where the messages' schema came from: the installed Mesos's .proto files, or the committed schema/mesos.json when none is found. */
export function schemaSource(): SchemaSource {
  return schema().source;
}

/** Test hook: forget the loaded schema so the next use loads it again. */
export function resetSchema(): void {
  loaded = undefined;
}
