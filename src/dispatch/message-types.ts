/**
 * Placeholder message types until src/messages lands; then this file becomes
 * `export type { ... } from '../messages'`. Fields are camelCase, 64-bit as bigint.
 */
type Message = { [field: string]: unknown };
export type FrameworkInfo = Message;
export type FrameworkID = Message;
export type MasterInfo = Message;
export type Offer = Message;
export type OfferID = Message;
export type TaskInfo = Message;
export type TaskStatus = Message;
export type TaskID = Message;
export type Filters = Message;
export type Credential = Message;
export type Request = Message;
export type SlaveID = Message;
export type SlaveInfo = Message;
export type ExecutorID = Message;
export type ExecutorInfo = Message;
export type CommandInfo = Message;
export type OfferOperation = Message;
export type OfferConstraints = Message;
