/** A timer on the virtual clock; cancel() before it fires keeps it from firing. */
export interface VirtualTimer {
  readonly at: number;
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

/**
 * Virtual time in milliseconds. Nothing fires by itself: the owner takes due timers one at
 * a time (earliest first, then in the order they were set) and moves `now` to each.
 */
export class VirtualClock {
  private current = 0;
  private seq = 0;
  private entries: Entry[] = [];

  /** Milliseconds since the simulation started. */
  get now(): number {
    return this.current;
  }

  /** Runs `fire` once `delayMs` of virtual time has passed (0: after what is due now). */
  schedule(delayMs: number, fire: () => void): VirtualTimer {
    const entry: Entry = { at: this.current + delayMs, seq: this.seq++, fire, cancelled: false };
    this.entries.push(entry);
    return {
      at: entry.at,
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  /** Removes and returns the earliest timer due at or before `until`, moving `now` to it. */
  takeDue(until: number): (() => void) | undefined {
    this.entries = this.entries.filter((e) => !e.cancelled);
    let next: Entry | undefined;
    for (const entry of this.entries) {
      if (entry.at > until) continue;
      if (!next || entry.at < next.at || (entry.at === next.at && entry.seq < next.seq)) {
        next = entry;
      }
    }
    if (!next) return undefined;
    this.entries.splice(this.entries.indexOf(next), 1);
    this.current = Math.max(this.current, next.at);
    return next.fire;
  }

  /** Moves `now` forward to `to` (never back). */
  moveTo(to: number): void {
    this.current = Math.max(this.current, to);
  }
}
