/**
 * Bursts of ballots from one network address: more than `threshold` in one clock hour.
 * They are flagged for an officer to look at, never refused: a household, a library or
 * a school shares one address, and a burst is often a community group voting together.
 */
export interface BallotTrace {
  ipHash: string;
  castAt: string;
}

export interface Burst {
  /** The first characters of the salted hash: enough to tell bursts apart, nothing more. */
  address: string;
  /** UTC hour, e.g. 2026-11-23T14. */
  hour: string;
  ballots: number;
}

export function findBursts(ballots: Iterable<BallotTrace>, threshold: number): Burst[] {
  const groups = new Map<string, number>();
  for (const b of ballots) {
    const key = `${b.ipHash}|${b.castAt.slice(0, 13)}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups]
    .filter(([, n]) => n > threshold)
    .map(([key, ballots]) => {
      const [hash, hour] = key.split('|') as [string, string];
      return { address: hash.slice(0, 8), hour, ballots };
    })
    .sort((a, b) => b.ballots - a.ballots || a.hour.localeCompare(b.hour));
}
