'use strict';
// Which part of a framework process a perf sample (its DSO and symbol) is charged to.

const PARTS = [
  'libprocess',
  'protobuf',
  'libmesos (the rest)',
  'addon (bridge, copies)',
  'JS: protobufjs decode/encode',
  'JS: mesos-napi',
  'JS: mesos-framework',
  'JS: the bench handler',
  'JS: Node internals',
  'JS: other',
  'libuv (event loop)',
  'N-API',
  'V8: running JS (builtins, ICs)',
  'V8: optimizing compiler',
  'V8: garbage collection',
  'V8: parsing, startup',
  'V8 and Node: other',
  'libc, libstdc++',
  'kernel',
  'other',
];

const PROTOBUF_SYMBOL =
  /google::protobuf|_InternalParse|_InternalSerialize|ByteSizeLong|MergeFrom|CopyFrom|SharedCtor|SharedDtor|MergePartialFromCodedStream|SerializeWithCachedSizes|::ParseFrom|ParsePartial/;

function jsPart(symbol) {
  if (/protobufjs|\/lib\/messages\/|fast-encode|\/lib\/proto/.test(symbol))
    return 'JS: protobufjs decode/encode';
  if (/node_modules\/mesos-framework/.test(symbol)) return 'JS: mesos-framework';
  if (/\/bench\//.test(symbol)) return 'JS: the bench handler';
  if (/\/lib\//.test(symbol)) return 'JS: mesos-napi';
  if (/node:|internal\//.test(symbol)) return 'JS: Node internals';
  return 'JS: other';
}

function nodePart(symbol) {
  if (/^uv_|^uv__/.test(symbol)) return 'libuv (event loop)';
  if (/^napi_|v8impl|node_api/.test(symbol)) return 'N-API';
  if (/^Builtins_|::Runtime_|IC::|ICs?\b/.test(symbol)) return 'V8: running JS (builtins, ICs)';
  if (/v8::internal::(compiler|maglev|baseline)::/.test(symbol)) return 'V8: optimizing compiler';
  if (/Scaveng|Mark|Sweep|Heap|Evacuat|GC|Compactor|Remembered|Slot/.test(symbol))
    return 'V8: garbage collection';
  if (/Scanner|Parser|Ast|Compiler::|Deserializ|Snapshot|CalculateLineEnds/.test(symbol))
    return 'V8: parsing, startup';
  return 'V8 and Node: other';
}

function partOf(dso, symbol) {
  if (dso.startsWith('[kernel')) return 'kernel';
  if (/^perf-\d+\.map$|^\[JIT\]|jitted/.test(dso)) return jsPart(symbol);
  if (/libprotobuf/.test(dso)) return 'protobuf';
  if (/libmesos/.test(dso)) {
    if (PROTOBUF_SYMBOL.test(symbol)) return 'protobuf';
    if (/process::|libprocess/.test(symbol)) return 'libprocess';
    return 'libmesos (the rest)';
  }
  if (/mesos_napi(_bridge_test)?\.node/.test(dso)) return 'addon (bridge, copies)';
  if (/^node$/.test(dso)) return nodePart(symbol);
  if (/^lib(c|stdc\+\+|m|pthread|gcc_s)[.-]/.test(dso)) return 'libc, libstdc++';
  return 'other';
}

module.exports = { PARTS, partOf };
