import { randomUUID } from 'crypto';
import { EventEmitter } from 'events';
import * as os from 'os';
import { performance } from 'perf_hooks';
import {
  InvalidArgumentError,
  LeaderElectionError,
  unresolvedServerError,
  zookeeperLimitError,
} from '../errors';
import type { NativeElectionEvents, NativeZooKeeperElection } from '../native/binding';
import { loadBinding } from '../native/load';
import { Leadership, type LeadershipLoss, type LeadershipLossReason } from './leadership';
import { grantedSessionTimeout } from './session-timeout-probe';
import { checkServersResolve, parseZooKeeperUrl, type ZooKeeperUrl } from './zookeeper-url';

/** Options of a LeaderElection. */
export interface LeaderElectionOptions {
  /**
   * The group to contend in: `zk://[user:password@]host:port[,host:port...]/path`. Every
   * process of one framework uses the same URL.
   */
  zk: string;
  /**
   * The ZooKeeper session timeout in ms (default 10000, as the Mesos master's), from 1000 to
   * 600000. A server grants at most its maxSessionTimeout (20 ticks by default: 40 s with a
   * 2 s tick); the lease follows the timeout granted (see `granted`).
   */
  sessionTimeout?: number;
  /** What the other contenders see of this one as `leader.info` (default `host:pid`). */
  info?: string;
}

/** The current leader of the group, as any contender sees it. */
export interface LeaderInfo {
  /** The `info` the leader contended with (its raw znode data if not from this library). */
  info: string;
  /** Its ZooKeeper membership (sequence) number. */
  membershipId: number;
  /** Whether it is this election's own candidacy. */
  self: boolean;
}

/** Events of a LeaderElection. */
export interface LeaderElectionEvents {
  /** This process was elected (contend() resolves with the same Leadership). */
  elected: [leadership: Leadership];
  /** This process's leadership ended. */
  lost: [loss: LeadershipLoss];
  /** The group's leader changed (undefined: no leader). */
  leader: [leader: LeaderInfo | undefined];
}

/** Of the session timeout: how long a confirmation of the membership holds. */
const LEASE_FRACTION = 2 / 3;
/** Of the session timeout: how often the leader confirms its membership. */
const RENEW_FRACTION = 1 / 6;
const DEFAULT_SESSION_TIMEOUT = 10_000;
const LABEL = 'mesos-napi';

interface Candidacy {
  generation: number;
  data: string;
  leadership?: Leadership;
  waiters: { resolve: (l: Leadership) => void; reject: (e: Error) => void }[];
  confirming: boolean;
  withdrawing: boolean;
}

interface Deferred {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Leader election among the processes of a framework, on libmesos's own ZooKeeper group,
 * LeaderContender and LeaderDetector (as the Mesos master elects itself): each process
 * contends; the one whose membership is oldest leads; when it goes (its ZooKeeper session
 * ends: it exited, was killed, stopped or cut off), the next takes over.
 *
 * Leadership is confirmed: once the group names this process the leader, it reads its own
 * membership back from ZooKeeper, and again every sixth of the session timeout. A read
 * that started at time t proves the session was alive after t, so no other contender can be
 * elected before t + the session timeout; the leadership holds until t + 2/3 of it. If no
 * later read confirms it by then, `isCurrent()` turns false and the leadership is lost
 * (`lease-expired`), even before ZooKeeper says anything: a process that was stopped, or
 * cut off from ZooKeeper, steps down by itself before another can have been elected. Time
 * is measured with the monotonic clock.
 *
 * From the first contend() until close() has resolved, the election keeps the process
 * alive.
 */
export class LeaderElection extends EventEmitter<LeaderElectionEvents> {
  /** The session timeout in ms, as asked of ZooKeeper. */
  readonly sessionTimeout: number;
  /**
   * The session timeout ZooKeeper grants (ms; the smallest of its servers'), once learned:
   * the lease follows it when it is shorter than the one asked. Undefined until a server
   * answered.
   */
  get granted(): number | undefined {
    return this.grantedMs;
  }
  private grantedMs: number | undefined;
  private probing: Promise<void> | undefined;
  private readonly url: ZooKeeperUrl;
  private readonly zk: string;
  private readonly info: string;
  private native: NativeZooKeeperElection | undefined;
  private opening: Promise<NativeZooKeeperElection> | undefined;
  private candidacy: Candidacy | undefined;
  private generation = 0;
  private requests = 0;
  private readonly checks = new Map<number, { started: number; generation: number }>();
  private leaseUntil = 0;
  private renewTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private readonly withdrawals = new Map<number, Deferred>();
  private currentLeader: LeaderInfo | undefined;
  private failure: LeaderElectionError | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: LeaderElectionOptions) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new InvalidArgumentError('options', 'expected an object');
    }
    this.url = parseZooKeeperUrl(options.zk);
    this.zk = options.zk;
    const timeout = options.sessionTimeout ?? DEFAULT_SESSION_TIMEOUT;
    if (!Number.isInteger(timeout) || timeout < 1000 || timeout > 600_000) {
      throw new InvalidArgumentError(
        'options.sessionTimeout',
        `expected a whole number of ms from 1000 to 600000, got ${String(timeout)}`,
      );
    }
    this.sessionTimeout = timeout;
    const info = options.info ?? `${os.hostname()}:${process.pid}`;
    if (typeof info !== 'string' || Buffer.byteLength(info) > 65536) {
      throw new InvalidArgumentError('options.info', 'expected a string of at most 64 KiB');
    }
    this.info = info;
  }

  /** The group's leader as last seen (undefined before contend(), or when it has none). */
  get leader(): LeaderInfo | undefined {
    return this.currentLeader;
  }

  /** The current leadership, while this process leads. */
  get leadership(): Leadership | undefined {
    const leadership = this.candidacy?.leadership;
    return leadership && !leadership.ended ? leadership : undefined;
  }

  /**
   * Enters the contest (unless already in it) and resolves once this process is elected.
   * While it leads, returns the same Leadership; after a loss, contends anew. A candidacy
   * lost before it was elected (the session expired) contends again by itself. Rejects with
   * a LeaderElectionError if the group fails for good, or withdraw()/close() is called first.
   */
  async contend(): Promise<Leadership> {
    if (this.closing) throw new LeaderElectionError('contend(): the election is closed');
    if (this.failure) throw this.failure;
    const current = this.leadership;
    if (current) return current;
    const native = await this.open();
    if (this.closing) throw new LeaderElectionError('contend(): the election is closed');
    return new Promise<Leadership>((resolve, reject) => {
      if (!this.candidacy || this.candidacy.withdrawing || this.candidacy.leadership) {
        this.startCandidacy(native, []);
      }
      this.candidacy!.waiters.push({ resolve, reject });
    });
  }

  /**
   * Leaves the contest: a leadership ends (`withdrawn`) and the membership is cancelled,
   * so another contender can be elected at once. A waiting contend() rejects. contend()
   * may be called again afterwards.
   */
  async withdraw(): Promise<void> {
    const candidacy = this.candidacy;
    const native = this.native;
    if (!candidacy || !native || candidacy.withdrawing) return;
    candidacy.withdrawing = true;
    this.endLeadership(candidacy, 'withdrawn', 'withdraw() was called');
    this.rejectWaiters(candidacy, new LeaderElectionError('contend(): withdrawn'));
    await new Promise<void>((resolve, reject) => {
      this.withdrawals.set(candidacy.generation, { resolve, reject });
      native.withdraw(candidacy.generation);
    });
  }

  /**
   * Ends the ZooKeeper session (the membership goes with it, so another contender is
   * elected at once) and lets the process exit. A leadership ends (`withdrawn`); a waiting
   * contend() rejects. Final.
   */
  close(): Promise<void> {
    this.closing ??= this.doClose();
    return this.closing;
  }

  private async doClose(): Promise<void> {
    const native = await this.opening?.catch(() => undefined);
    const candidacy = this.candidacy;
    if (candidacy) {
      this.endLeadership(candidacy, 'withdrawn', 'close() was called');
      this.rejectWaiters(candidacy, new LeaderElectionError('contend(): the election was closed'));
    }
    this.stopTimers();
    if (!native) return;
    await new Promise<void>((resolve) => native.close(resolve));
    for (const deferred of this.withdrawals.values()) deferred.resolve();
    this.withdrawals.clear();
  }

  private open(): Promise<NativeZooKeeperElection> {
    this.opening ??= (async () => {
      await checkServersResolve(this.url);
      await this.learnGrantedTimeout();
      const binding = loadBinding();
      if (!binding.ZooKeeperElection) {
        throw new LeaderElectionError(
          'leader election is not available: the addon was built before it was added; ' +
            'rebuild with `npx mesos-napi build`',
        );
      }
      let native: NativeZooKeeperElection;
      try {
        native = new binding.ZooKeeperElection(
          (event: string, ...args: unknown[]) => this.dispatch(event, args),
          this.zk,
          this.sessionTimeout,
        );
      } catch (error) {
        throw unresolvedServerError(zookeeperLimitError(error), 'options.zk');
      }
      this.native = native;
      return native;
    })();
    return this.opening;
  }

  /** Asks ZooKeeper what session timeout it grants (see `granted`), unless known. */
  private learnGrantedTimeout(): Promise<void> {
    if (this.grantedMs !== undefined) return Promise.resolve();
    this.probing ??= grantedSessionTimeout(
      this.url.servers,
      this.sessionTimeout,
      Math.min(this.sessionTimeout, 5000),
    ).then((granted) => {
      this.grantedMs = granted;
      this.probing = undefined;
    });
    return this.probing;
  }

  /** What the lease is counted from: the granted session timeout, or the asked one. */
  private get leaseBasis(): number {
    return Math.min(this.sessionTimeout, this.grantedMs ?? this.sessionTimeout);
  }

  private startCandidacy(native: NativeZooKeeperElection, waiters: Candidacy['waiters']): void {
    const generation = ++this.generation;
    const data = JSON.stringify({ info: this.info, candidacy: randomUUID() });
    this.candidacy = { generation, data, waiters, confirming: false, withdrawing: false };
    native.contend(generation, data, LABEL);
  }

  private dispatch(event: string, args: unknown[]): void {
    switch (event) {
      case 'leader':
        return this.onLeader(...(args as NativeElectionEvents['leader']));
      case 'noLeader':
        return this.onNoLeader();
      case 'detectFailed':
        return this.onFailed(...(args as NativeElectionEvents['detectFailed']));
      case 'contended':
        return;
      case 'contendFailed': {
        const [generation, message] = args as NativeElectionEvents['contendFailed'];
        if (generation === this.candidacy?.generation) this.onFailed(message);
        return;
      }
      case 'candidacyLost':
        return this.onCandidacyLost(...(args as NativeElectionEvents['candidacyLost']));
      case 'withdrawn':
        return this.onWithdrawn(...(args as NativeElectionEvents['withdrawn']));
      case 'checked':
        return this.onChecked(...(args as NativeElectionEvents['checked']));
    }
  }

  private onLeader(membershipId: number, data: string): void {
    const candidacy = this.candidacy;
    const self = candidacy !== undefined && !candidacy.withdrawing && data === candidacy.data;
    this.currentLeader = { info: infoOf(data), membershipId, self };
    this.emit('leader', this.currentLeader);
    if (!candidacy || candidacy.withdrawing) return;
    if (self) {
      if (!candidacy.leadership) this.confirm(candidacy);
    } else if (candidacy.leadership) {
      this.lose(candidacy, 'replaced', `the group's leader is now ${this.currentLeader.info}`);
    }
  }

  private onNoLeader(): void {
    this.currentLeader = undefined;
    this.emit('leader', undefined);
    const candidacy = this.candidacy;
    if (candidacy?.leadership) {
      this.lose(candidacy, 'expired', 'the group has no leader: the ZooKeeper session expired');
    }
  }

  private onFailed(message: string): void {
    this.failure = new LeaderElectionError(`the ZooKeeper group failed: ${message}`);
    const candidacy = this.candidacy;
    if (!candidacy) return;
    this.endLeadership(candidacy, 'failed', this.failure.message);
    this.rejectWaiters(candidacy, this.failure);
  }

  private onCandidacyLost(generation: number, message: string): void {
    const candidacy = this.candidacy;
    if (!candidacy || candidacy.generation !== generation || candidacy.withdrawing) return;
    if (candidacy.leadership) {
      if (message) this.lose(candidacy, 'failed', `watching the membership failed: ${message}`);
      else this.lose(candidacy, 'expired', 'the membership is gone: the ZooKeeper session expired');
    } else if (this.native && !this.closing && !this.failure) {
      // Lost while standing by: contend again for whoever is waiting.
      this.startCandidacy(this.native, candidacy.waiters);
    }
  }

  private onWithdrawn(generation: number, result: number, message: string): void {
    const deferred = this.withdrawals.get(generation);
    if (!deferred) return;
    this.withdrawals.delete(generation);
    // A candidacy replaced by a newer one is cancelled as the old contender is deleted,
    // which discards its withdrawal.
    const replaced = generation !== this.candidacy?.generation;
    if (result < 0 && !replaced) {
      deferred.reject(new LeaderElectionError(`withdraw failed: ${message}`));
    } else {
      deferred.resolve();
    }
  }

  /** Reads the membership back; the leadership (or its lease) starts from this moment. */
  private confirm(candidacy: Candidacy): void {
    if (candidacy.confirming || !this.native) return;
    candidacy.confirming = true;
    // ZooKeeper was out of reach when the election opened: ask again.
    if (this.grantedMs === undefined) void this.learnGrantedTimeout();
    const request = ++this.requests;
    this.checks.set(request, { started: performance.now(), generation: candidacy.generation });
    this.native.check(request);
  }

  private onChecked(request: number, result: number, text: string): void {
    const check = this.checks.get(request);
    this.checks.delete(request);
    const candidacy = this.candidacy;
    if (!check || !candidacy || candidacy.generation !== check.generation) return;
    candidacy.confirming = false;
    if (candidacy.withdrawing) return;
    if (result === 1 && text === candidacy.data) {
      this.leaseUntil = Math.max(this.leaseUntil, check.started + this.leaseBasis * LEASE_FRACTION);
      if (!candidacy.leadership) this.elect(candidacy);
      else this.armExpiry(candidacy);
      return;
    }
    if (!candidacy.leadership) return; // the detector says who leads; wait for it
    if (result < 0) this.lose(candidacy, 'failed', `confirming the membership failed: ${text}`);
    else if (result === 0) this.lose(candidacy, 'expired', 'the membership is gone from ZooKeeper');
    else this.lose(candidacy, 'replaced', `the group's leader is now ${infoOf(text)}`);
  }

  private elect(candidacy: Candidacy): void {
    if (performance.now() >= this.leaseUntil) {
      // The confirmation came back too late to count: try again.
      this.confirm(candidacy);
      return;
    }
    const leadership = new Leadership(
      candidacy.generation,
      () => performance.now() < this.leaseUntil,
      () => this.lose(candidacy, 'lease-expired', this.leaseMessage()),
    );
    candidacy.leadership = leadership;
    this.armExpiry(candidacy);
    this.renewTimer = setInterval(
      () => this.confirm(candidacy),
      Math.max(100, Math.floor(this.leaseBasis * RENEW_FRACTION)),
    );
    this.renewTimer.unref();
    const waiters = candidacy.waiters.splice(0);
    for (const waiter of waiters) waiter.resolve(leadership);
    this.emit('elected', leadership);
  }

  private leaseMessage(): string {
    return (
      `ZooKeeper has not confirmed the leadership for ${Math.round(this.leaseBasis * LEASE_FRACTION)} ms ` +
      'or more (the process was stopped or blocked, or ZooKeeper was out of reach): another ' +
      'contender may be elected'
    );
  }

  private armExpiry(candidacy: Candidacy): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const delay = Math.max(0, this.leaseUntil - performance.now());
    this.expiryTimer = setTimeout(() => candidacy.leadership?.isCurrent(), delay + 1);
    this.expiryTimer.unref();
  }

  /** Ends the leadership and leaves the group, so that another contender can lead. */
  private lose(candidacy: Candidacy, reason: LeadershipLossReason, message: string): void {
    if (!this.endLeadership(candidacy, reason, message)) return;
    if (this.candidacy === candidacy && this.native && !this.closing && !candidacy.withdrawing) {
      candidacy.withdrawing = true;
      this.native.withdraw(candidacy.generation);
    }
  }

  private endLeadership(
    candidacy: Candidacy,
    reason: LeadershipLossReason,
    message: string,
  ): boolean {
    const leadership = candidacy.leadership;
    if (!leadership || !leadership.end({ reason, message })) return false;
    this.stopTimers();
    this.leaseUntil = 0;
    this.emit('lost', { reason, message });
    return true;
  }

  private rejectWaiters(candidacy: Candidacy, error: Error): void {
    for (const waiter of candidacy.waiters.splice(0)) waiter.reject(error);
  }

  private stopTimers(): void {
    if (this.renewTimer) clearInterval(this.renewTimer);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.renewTimer = undefined;
    this.expiryTimer = undefined;
  }
}

/** The info a contender of this library put in its znode, else the raw data. */
function infoOf(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'info' in parsed) {
      const { info } = parsed as { info: unknown };
      if (typeof info === 'string') return info;
    }
  } catch {
    // not JSON: another implementation's data
  }
  return data;
}
