import type * as M from './types.generated';

/** The messages the driver APIs carry (src/messages; docs/messages.md). */
export type FrameworkInfo = M.FrameworkInfo;
export type FrameworkID = M.FrameworkID;
export type MasterInfo = M.MasterInfo;
export type Offer = M.Offer;
export type OfferID = M.OfferID;
export type TaskInfo = M.TaskInfo;
export type TaskStatus = M.TaskStatus;
export type TaskID = M.TaskID;
export type Filters = M.Filters;
export type Credential = M.Credential;
export type Request = M.Request;
export type SlaveID = M.SlaveID;
export type SlaveInfo = M.SlaveInfo;
export type ExecutorID = M.ExecutorID;
export type ExecutorInfo = M.ExecutorInfo;
export type CommandInfo = M.CommandInfo;
export type OfferOperation = M.Offer_Operation;
export type OfferConstraints = M.Scheduler_OfferConstraints;
