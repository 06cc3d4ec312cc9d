#!/usr/bin/env node
'use strict';
// npm install hook: builds the addon where Mesos is found; without Mesos it says what it
// looked for and succeeds, so the TypeScript library is still usable and explains itself.
const { buildNative } = require('./build-native');

process.exitCode = buildNative({ force: false });
