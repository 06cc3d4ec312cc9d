import * as fs from 'fs';
import * as path from 'path';
import * as protobuf from 'protobufjs';
import { PROTO_FILES, TYPED_PACKAGES, V1_TYPED_PACKAGES } from '../proto-files';
import { tsName } from './type-names';

/** A type's documentation and its fields' (by TypeScript field name), from the .proto files. */
export interface TypeComments {
  doc?: string;
  fields: Map<string, string>;
}

/** The declaration files whose types carry the installed Mesos's comments, and their packages. */
export const DECLARATION_FILES = [
  { file: path.join('messages', 'types.generated.d.ts'), packages: TYPED_PACKAGES },
  { file: path.join('messages', 'v1', 'types.generated.d.ts'), packages: V1_TYPED_PACKAGES },
] as const;

/**
 * The comments of the .proto files under protoRoot, by TypeScript type name, for the types
 * of the given packages. They are read from the Mesos installed on this machine and written
 * only into the compiled declarations (lib/), never into the committed sources.
 */
export function protoComments(
  protoRoot: string,
  packages: readonly string[],
): Map<string, TypeComments> {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(protoRoot, target);
  root.loadSync([...PROTO_FILES], { keepCase: false, alternateCommentMode: true });
  const out = new Map<string, TypeComments>();
  const visit = (object: protobuf.ReflectionObject): void => {
    if (object instanceof protobuf.Type) {
      const fields = new Map<string, string>();
      for (const field of object.fieldsArray) {
        if (field.comment) fields.set(field.name, field.comment);
      }
      out.set(tsName(object.fullName), { doc: object.comment ?? undefined, fields });
      for (const nested of object.nestedArray) visit(nested);
    } else if (object instanceof protobuf.Enum) {
      out.set(tsName(object.fullName), { doc: enumDoc(object), fields: new Map() });
    }
  };
  for (const name of packages) {
    const namespace = root.lookup(name);
    if (namespace instanceof protobuf.Namespace)
      for (const nested of namespace.nestedArray) visit(nested);
  }
  return out;
}

function enumDoc(type: protobuf.Enum): string | undefined {
  const values = Object.keys(type.values)
    .filter((value) => type.comments[value])
    .map((value) => `- \`${value}\`: ${type.comments[value]!.replace(/\n/g, '\n  ')}`);
  const parts = [type.comment, ...(values.length > 0 ? [values.join('\n')] : [])].filter(Boolean);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function docBlock(text: string, indent: string): string[] {
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  return [
    `${indent}/**`,
    ...lines.map((line) => `${indent} *${line ? ` ${line}` : ''}`),
    `${indent} */`,
  ];
}

/**
 * The declarations (as tsc writes them for types.generated.ts) with each type's and field's
 * comment as TSDoc; doc blocks already there are replaced, so annotating twice is the same.
 */
export function annotateDeclarations(
  declarations: string,
  comments: Map<string, TypeComments>,
): string {
  const out: string[] = [];
  let current: TypeComments | undefined;
  let inDoc = false;
  for (const line of declarations.split('\n')) {
    const trimmed = line.trim();
    if (inDoc || trimmed === '/**') {
      inDoc = !trimmed.endsWith('*/');
      continue;
    }
    const declared = /^export (?:interface|type) (\w+)/.exec(line);
    if (declared) {
      current = comments.get(declared[1]);
      if (current?.doc) out.push(...docBlock(current.doc, ''));
    } else {
      const field = /^(\s+)(\w+)\??: /.exec(line);
      const doc = field && current?.fields.get(field[2]);
      if (doc) out.push(...docBlock(doc, field[1]));
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Annotates the compiled message declarations under libDir with protoRoot's comments. */
export function annotateCompiledTypes(libDir: string, protoRoot: string): void {
  for (const { file, packages } of DECLARATION_FILES) {
    const target = path.join(libDir, file);
    if (!fs.existsSync(target)) continue;
    const text = fs.readFileSync(target, 'utf8');
    fs.writeFileSync(target, annotateDeclarations(text, protoComments(protoRoot, packages)));
  }
}
