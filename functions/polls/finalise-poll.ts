/**
 * At close, the online totals are recomputed from the ballots themselves, shard by
 * shard, and compared with the live counters. The recomputed totals are published
 * either way (each ballot is on record); a mismatch is reported as an error to look into.
 */
import type { Poll } from '../../shared/contracts/poll';
import type { Profile } from '../../shared/config/profile-schema';
import { expiresAt } from '../../shared/domain/retention';
import { addCounts, emptyCounts } from './online-counts';
import type { FinalTotals, PollStore } from './ports';
import { COUNTER_SHARDS } from './online-counts';

/** Ballots still reaching the index (it is eventually consistent) are in well within this. */
const FINALISE_AFTER_MS = 60_000;

export type FinaliseResult = { outcome: 'finalised'; final: FinalTotals } | { outcome: 'not-closed' | 'already-final' };

export async function finalisePoll(deps: { store: PollStore; profile: Profile; now: () => Date }, poll: Poll): Promise<FinaliseResult> {
  const now = deps.now();
  if (now.getTime() < Date.parse(poll.closesAt) + FINALISE_AFTER_MS) return { outcome: 'not-closed' };
  if (await deps.store.getFinal(poll.id)) return { outcome: 'already-final' };
  const choiceQuestions = new Set(poll.followUps.filter((f) => f.kind === 'choice').map((f) => f.id));
  const recomputed = emptyCounts();
  const counters = emptyCounts();
  for (let shard = 0; shard < COUNTER_SHARDS; shard++) {
    for await (const ballot of deps.store.ballotsOfShard(poll.id, shard)) {
      const followUps = Object.fromEntries(
        Object.entries(ballot.followUps)
          .filter(([q]) => choiceQuestions.has(q))
          .map(([q, a]) => [`${q}#${a}`, 1]),
      );
      addCounts(recomputed, { counts: ballot.counts, ballots: 1, followUps });
    }
    addCounts(counters, await deps.store.counterOfShard(poll.id, shard));
  }
  const final: FinalTotals = {
    ...recomputed,
    pollId: poll.id,
    computedAt: now.toISOString(),
    matched: sameCounts(recomputed, counters),
    counters,
    expiresAt: expiresAt(new Date(poll.closesAt), deps.profile.polls.resultsDaysAfterClose),
  };
  if (!(await deps.store.putFinal(final))) return { outcome: 'already-final' };
  return { outcome: 'finalised', final };
}

function sameCounts(a: { counts: Record<string, number>; ballots: number; followUps: Record<string, number> }, b: typeof a): boolean {
  const same = (x: Record<string, number>, y: Record<string, number>) =>
    [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => (x[k] ?? 0) === (y[k] ?? 0));
  return a.ballots === b.ballots && same(a.counts, b.counts) && same(a.followUps, b.followUps);
}
