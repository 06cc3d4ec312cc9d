import type * as protobuf from 'protobufjs';

/** The protobufjs JSON descriptor with no comments: names, numbers, types and options only. */
export function schemaJson(root: protobuf.Root): string {
  const json = root.toJSON({ keepComments: false });
  return JSON.stringify(stripComments(json), null, 1) + '\n';
}

function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'comment' || key === 'comments') continue;
    out[key] = stripComments(item);
  }
  return out;
}
