import * as util from 'util';

/** The package's own diagnostics: shown with NODE_DEBUG=mesos-napi. */
export const debug = util.debuglog('mesos-napi');
