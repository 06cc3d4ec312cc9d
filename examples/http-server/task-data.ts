/** What the scheduler tells the executor about each task, in TaskInfo.data. */
export interface TaskData {
  port: number;
  lifetimeSeconds?: number;
}

export function encodeTaskData(data: TaskData): Uint8Array {
  return Buffer.from(JSON.stringify(data));
}

export function decodeTaskData(bytes: Uint8Array | undefined): TaskData {
  const data = JSON.parse(Buffer.from(bytes ?? []).toString() || '{}') as Partial<TaskData>;
  if (typeof data.port !== 'number') throw new Error('task data has no port');
  return data as TaskData;
}
