/**
 * What the HTTP server reads of a leader election (a LeaderElection, e.g. a
 * HighlyAvailableScheduler's `election`): whether this process leads, and who does.
 */
export interface ElectionView {
  /** This process's term, while it has one. */
  readonly leadership: { isCurrent(): boolean } | undefined;
  /** The group's leader as last seen (`info`: what it contended with). */
  readonly leader: { info: string; self: boolean } | undefined;
}

/** single: no election followed. */
export type Role =
  | { role: 'single' }
  | { role: 'leader' }
  | { role: 'standby'; leader: string | null; leaderUrl: string | null };

export function roleOf(election: ElectionView | undefined): Role {
  if (!election) return { role: 'single' };
  if (election.leadership?.isCurrent() === true) return { role: 'leader' };
  const info = election.leader && !election.leader.self ? election.leader.info : null;
  // The leader's page, when it contended with its webuiUrl as its info.
  const leaderUrl = info !== null && /^https?:\/\/[^\s]+$/.test(info) ? info : null;
  return { role: 'standby', leader: info, leaderUrl };
}
