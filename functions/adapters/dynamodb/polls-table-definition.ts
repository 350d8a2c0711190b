export const pollsTable = {
  logicalName: 'polls',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: [
    // Every ballot of a poll, shard by shard: to recompute totals at close and to find bursts.
    { name: 'ballots-by-shard', partitionKey: 'ballotShard', sortKey: 'castAt' },
  ],
};

export const pollKeys = {
  ballot: (pollId: string, voterId: string) => ({ pk: `BALLOT#${pollId}#${voterId}`, sk: 'BALLOT' }),
  counter: (pollId: string, shard: number) => ({ pk: `POLL#${pollId}#SHARD#${shard}`, sk: 'COUNTER' }),
  tally: (pollId: string, at: string, entryId: string) => ({ pk: `POLL#${pollId}`, sk: `TALLY#${at}#${entryId}` }),
  corrected: (pollId: string, entryId: string) => ({ pk: `POLL#${pollId}`, sk: `CORRECTED#${entryId}` }),
  final: (pollId: string) => ({ pk: `POLL#${pollId}`, sk: 'FINAL' }),
  event: (pollId: string, date: string, eventId: string) => ({ pk: `POLL#${pollId}`, sk: `EVENT#${date}#${eventId}` }),
  /** Every poll's definition in one partition: a partnership runs tens of polls, read in one query. */
  definition: (pollId: string) => ({ pk: 'POLLS', sk: `DEF#${pollId}` }),
  definitions: () => ({ pk: 'POLLS', prefix: 'DEF#' }),
  /** A poll's items of one kind (its changes, tallies or planned events), for `itemsStartingWith`. */
  ofPoll: (pollId: string, kind: 'CHANGE' | 'TALLY' | 'EVENT') => ({ pk: `POLL#${pollId}`, prefix: `${kind}#` }),
  change: (pollId: string, at: string, version: number) => ({
    pk: `POLL#${pollId}`,
    sk: `CHANGE#${at}#${String(version).padStart(6, '0')}`,
  }),
  voterSecret: () => ({ pk: 'CONFIG#secrets', sk: 'VOTER_COOKIE' }),
  /** The ballots-by-shard partition of one shard. */
  ballotShard: (pollId: string, shard: number) => `${pollId}#${shard}`,
};
