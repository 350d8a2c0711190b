/**
 * Standard competition ranking ("1224"): equal counts share a rank and the next rank
 * skips, as partnerships publish charity-pot results. Shares are of the total tokens.
 */
export interface RankedRow<T> {
  item: T;
  count: number;
  rank: number;
  /** Share of all tokens, 0 to 1 (0 when nothing was counted). */
  share: number;
}

export function rankByCount<T>(items: readonly T[], count: (item: T) => number): RankedRow<T>[] {
  const total = items.reduce((sum, item) => sum + count(item), 0);
  // Stable: ties keep their input order.
  const sorted = items.map((item, index) => ({ item, index, count: count(item) })).sort((a, b) => b.count - a.count || a.index - b.index);
  return sorted.map((row, i) => {
    const firstEqual = sorted.findIndex((r) => r.count === row.count);
    return {
      item: row.item,
      count: row.count,
      rank: firstEqual === -1 ? i + 1 : firstEqual + 1,
      share: total === 0 ? 0 : row.count / total,
    };
  });
}
