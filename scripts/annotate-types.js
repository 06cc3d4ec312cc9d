#!/usr/bin/env node
'use strict';
// Gives the compiled message types (lib/messages/**/types.generated.d.ts) the comments of the
// installed Mesos's .proto files, so that an editor explains each field. Without Mesos the
// declarations stay as compiled. Run by `npm run build:ts` and by the install script.
const path = require('path');
const { ensureLib, root } = require('./ensure-lib');

function annotateTypes() {
  ensureLib();
  const { findMesos } = require('../lib/discovery');
  const { annotateCompiledTypes } = require('../lib/messages/generate/proto-comments');
  const protoRoot = findMesos().install?.protoRoot;
  if (protoRoot) annotateCompiledTypes(path.join(root, 'lib'), protoRoot);
}

if (require.main === module) annotateTypes();

module.exports = { annotateTypes };
