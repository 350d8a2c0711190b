/**
 * Online ballot counts: how many counter shards spread the writes of a busy poll, and
 * how shard totals add up. Pure; shared by the use cases and the DynamoDB adapter.
 */
import type { OnlineCounts } from './ports';

export function addCounts(into: OnlineCounts, more: OnlineCounts): OnlineCounts {
  for (const [k, n] of Object.entries(more.counts)) into.counts[k] = (into.counts[k] ?? 0) + n;
  for (const [k, n] of Object.entries(more.followUps)) into.followUps[k] = (into.followUps[k] ?? 0) + n;
  into.ballots += more.ballots;
  return into;
}

export const emptyCounts = (): OnlineCounts => ({ counts: {}, ballots: 0, followUps: {} });

/**
 * The polls table, described once for the CDK stack and the local stack. A table apart
 * from the reports: ballots never sit beside personal reports, the ballot function can
 * be granted this table only, and each keeps its own retention.
 *
 *   BALLOT#<poll>#<voter> / BALLOT       one voter's ballot (append-only; its own partition)
 *   POLL#<poll>#SHARD#<n> / COUNTER      live totals, one of COUNTER_SHARDS counter items
 *   POLL#<poll> / TALLY#<at>#<id>        pots counted at an event (append-only)
 *   POLL#<poll> / CORRECTED#<id>         marks a tally entry as corrected (one correction each)
 *   POLL#<poll> / FINAL                  totals recomputed from the ballots at close
 *   CONFIG#secrets / VOTER_COOKIE        the key that signs voter cookies (made on first use)
 *
 * Sizing: one DynamoDB partition takes about 1,000 write units a second. A ballot is
 * one transaction that puts the ballot (its own partition) and adds to one counter
 * shard chosen at random; a transactional write of a small item costs 2 units, so one
 * shard takes about 500 ballots a second and 16 shards about 8,000, far above what a
 * district poll sees (the busiest hour of a 20,000-ballot poll is a few ballots a
 * second). The `ballots-by-shard` index is spread over the same shards, so it never
 * holds a write back. More shards only cost more reads of the live totals (one
 * BatchGetItem of 16 small items).
 */
export const COUNTER_SHARDS = 16;
