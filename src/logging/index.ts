export { setLogger, setLogLevel } from './logging';
export type { LoggingOptions } from './logging';
export type { Logger, LevelLogger, LogFields } from './logger';
export type { LogRecord, LogLevel, LogSeverity } from './record';
export { debug } from './debug';
