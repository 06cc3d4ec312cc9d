'use strict';
// Runs one lifecycle-hunt program: `node --expose-gc fixture.js '<program json>'`, or, in a
// worker thread it started, one worker's steps. Reports through record.js on fd 1.
const { isMainThread, workerData } = require('worker_threads');
const { recorder } = require('./record');
const { createThread, workerStarter } = require('./steps');

const thread = isMainThread ? 'main' : workerData.thread;
const record = recorder(thread);
const steps = isMainThread ? JSON.parse(process.argv[2]).steps : workerData.steps;

process.on('uncaughtException', (error) => record({ uncaught: String(error).slice(0, 300) }));
process.on('unhandledRejection', (error) => record({ unhandled: String(error).slice(0, 300) }));
if (isMainThread) process.on('exit', (code) => record({ end: 'exit', code }));

void createThread(thread, record, workerStarter(__filename))(steps);
