import type { Input } from '../../src/messages';
import { takeResources, type ResourceLike } from '../../src/helpers';
import type { v1 } from '../../src';
import { eventually } from './cluster';

type Mesos = v1.Mesos;
type Event = v1.Event;

/**
 * A v1 Scheduler that subscribes on every connection (with the framework id once it has
 * one) and records every event; tests take events in order with next().
 */
export class V1Recorder implements v1.Scheduler {
  readonly events: Event[] = [];
  readonly log: string[] = [];
  frameworkId: v1.FrameworkID | undefined;
  mesos: Mesos | undefined;
  private readonly taken = new Set<Event>();
  onEvent: ((mesos: Mesos, event: Event) => void | Promise<void>) | undefined;

  constructor(readonly framework: Input<v1.FrameworkInfo>) {}

  connected(mesos: Mesos): void {
    this.mesos = mesos;
    this.log.push('connected');
    const frameworkId = this.frameworkId;
    mesos.send({
      type: 'SUBSCRIBE',
      frameworkId,
      subscribe: { frameworkInfo: { ...this.framework, id: frameworkId } },
    });
  }

  disconnected(): void {
    this.log.push('disconnected');
  }

  received(mesos: Mesos, event: Event): void | Promise<void> {
    this.events.push(event);
    this.log.push(event.type ?? 'UNKNOWN');
    if (event.type === 'SUBSCRIBED') this.frameworkId = event.subscribed!.frameworkId;
    return this.onEvent?.(mesos, event);
  }

  /** The first event of `type` not taken yet (and matching `where`), waiting for it. */
  async next(
    type: v1.EventType,
    where: (event: Event) => boolean = () => true,
    timeoutMs = 30_000,
  ) {
    let found: Event | undefined;
    await eventually(
      `a ${type} event`,
      () => {
        found = this.events.find((e) => e.type === type && !this.taken.has(e) && where(e));
        return found !== undefined;
      },
      timeoutMs,
    );
    this.taken.add(found!);
    return found!;
  }

  /** The next UPDATE of a task in a given state. */
  async update(taskId: string, state: v1.TaskState): Promise<v1.TaskStatus> {
    const event = await this.next(
      'UPDATE',
      (e) => e.update!.status.taskId.value === taskId && e.update!.status.state === state,
    );
    return event.update!.status;
  }

  /** Acknowledges an update that asks for it (it has a uuid). */
  acknowledge(status: v1.TaskStatus): void {
    if (!status.uuid) return;
    this.mesos!.send({
      type: 'ACKNOWLEDGE',
      frameworkId: this.frameworkId,
      acknowledge: { agentId: status.agentId!, taskId: status.taskId, uuid: status.uuid },
    });
  }
}

/** Resources of a v1 offer taken for a task (the helpers read v1 resources as well). */
export function takeV1(resources: v1.Resource[], needs: Parameters<typeof takeResources>[1]) {
  const got = takeResources(resources as unknown as ResourceLike[], needs);
  if (!got) throw new Error(`the offer cannot hold ${JSON.stringify(needs)}`);
  return {
    taken: got.taken as unknown as Input<v1.Resource>[],
    remaining: got.remaining as unknown as v1.Resource[],
  };
}
