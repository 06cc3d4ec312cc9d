/** Why a leadership ended. */
export type LeadershipLossReason =
  /** withdraw() or close() was called. */
  | 'withdrawn'
  /**
   * Leadership could not be confirmed with ZooKeeper in time (the session may have expired
   * meanwhile: the process was stopped, the network or ZooKeeper was down, or the event
   * loop was blocked).
   */
  | 'lease-expired'
  /** The membership is gone from ZooKeeper: the session expired. */
  | 'expired'
  /** Another contender leads the group now. */
  | 'replaced'
  /** The ZooKeeper group failed for good. */
  | 'failed';

/** How a leadership ended. */
export interface LeadershipLoss {
  /** Why it ended. */
  reason: LeadershipLossReason;
  /** A sentence saying what happened. */
  message: string;
}

/**
 * One term of leadership won by `LeaderElection.contend()`. It lasts while ZooKeeper keeps
 * confirming it: `isCurrent()` is false from the moment it cannot be sure (see
 * LeaderElection), and `lost` resolves then.
 */
export class Leadership {
  /** Resolves once this term has ended, with why. Never rejects. */
  readonly lost: Promise<LeadershipLoss>;
  private settle!: (loss: LeadershipLoss) => void;
  private loss: LeadershipLoss | undefined;

  /** @internal */
  constructor(
    /** Counts this election's candidacies: a later term has a larger number. */
    readonly term: number,
    private readonly leaseHolds: () => boolean,
    private readonly onLeaseExpired: () => void,
  ) {
    this.lost = new Promise((resolve) => (this.settle = resolve));
  }

  /**
   * Whether this process still leads: the term has not ended and ZooKeeper confirmed the
   * membership recently enough that no other contender can have been elected since. Call
   * it right before acting as the leader. Once false it stays false (and `lost` resolves).
   */
  isCurrent(): boolean {
    if (this.loss) return false;
    if (this.leaseHolds()) return true;
    this.onLeaseExpired();
    return false;
  }

  /** How it ended, once it has. */
  get ended(): LeadershipLoss | undefined {
    return this.loss;
  }

  /** @internal */
  end(loss: LeadershipLoss): boolean {
    if (this.loss) return false;
    this.loss = loss;
    this.settle(loss);
    return true;
  }
}
