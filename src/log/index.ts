import { Log } from './log';
import { LogReader } from './reader';
import { LogWriter } from './writer';

Log.Reader = LogReader;
Log.Writer = LogWriter;

export { Log, LogReader, LogWriter };
export type { LogOptions } from './log';
export { Position, Entry } from './position';
