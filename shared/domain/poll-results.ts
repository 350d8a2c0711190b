/**
 * A poll's published results, pure: online counts plus the pots counted at events,
 * ranked with standard competition ranking (ties share a rank: 1, 2, 2, 4).
 *
 * Event tallies are append-only. A correction is a new entry naming the entry it
 * corrects; the corrected entry then no longer counts, so only the latest entry of each
 * chain is in the totals, and every earlier one stays on record.
 */
import type { Poll } from '../contracts/poll';
import { rankByCount } from './ranking';
import { formatCalendarDate } from '../contracts/london-time';
import type { Allocation } from './poll-rules';

export interface TallyEntry {
  entryId: string;
  pollId: string;
  event: { name: string; date: string; place: string };
  counts: Allocation;
  recordedBy: string;
  recordedAt: string;
  /** The entry this one corrects, if it is a correction. */
  corrects?: string | undefined;
  /** Why the correction was made. */
  reason?: string | undefined;
}

/** Entries that count: every entry that no later entry corrects. */
export function effectiveTallies(entries: readonly TallyEntry[]): TallyEntry[] {
  const corrected = new Set(entries.flatMap((e) => (e.corrects ? [e.corrects] : [])));
  return entries.filter((e) => !corrected.has(e.entryId));
}

interface ChannelTotal {
  /** `online`, or the tally entry that counts for one event. */
  channel: string;
  label: string;
  counts: Allocation;
  total: number;
}

interface ResultRow {
  optionId: string;
  label: string;
  count: number;
  /** 0 to 1 of all tokens (or votes) counted. */
  share: number;
  rank: number;
}

export interface PollResults {
  pollId: string;
  unit: 'tokens' | 'votes';
  rows: ResultRow[];
  total: number;
  onlineBallots: number;
  channels: ChannelTotal[];
  /** True once the online counts were recomputed from the ballots at close. */
  final: boolean;
}

const sum = (counts: Allocation) => Object.values(counts).reduce((a, n) => a + n, 0);

/** Combines online counts and effective event tallies into ranked rows and channel totals. */
export function pollResults(
  poll: Poll,
  online: { counts: Allocation; ballots: number; final: boolean },
  tallies: readonly TallyEntry[],
): PollResults {
  const known = (counts: Allocation) => Object.fromEntries(poll.options.map((o) => [o.id, counts[o.id] ?? 0]));
  const channels: ChannelTotal[] = [
    { channel: 'online', label: 'Online', counts: known(online.counts), total: 0 },
    ...effectiveTallies(tallies)
      .sort((a, b) => a.event.date.localeCompare(b.event.date) || a.recordedAt.localeCompare(b.recordedAt))
      .map((t) => ({
        channel: t.entryId,
        label: `${t.event.name}, ${t.event.place} (${formatCalendarDate(t.event.date)})`,
        counts: known(t.counts),
        total: 0,
      })),
  ].map((c) => ({ ...c, total: sum(c.counts) }));
  const ranked = rankByCount(poll.options, (o) => channels.reduce((a, c) => a + (c.counts[o.id] ?? 0), 0));
  return {
    pollId: poll.id,
    unit: poll.type === 'charity-pot' ? 'tokens' : 'votes',
    rows: ranked.map((r) => ({ optionId: r.item.id, label: r.item.label, count: r.count, share: r.share, rank: r.rank })),
    total: channels.reduce((a, c) => a + c.total, 0),
    onlineBallots: online.ballots,
    channels,
    final: online.final,
  };
}

/** A share as people read it: "22.5%" (one decimal place; "0%" for none). */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
