/**
 * Sample event tallies for the closed sample poll, so a fresh `npm start` shows results
 * with an event channel and a correction. Added once, through the same store officers
 * use; the counts are the charity pots of a real partnership's summer event.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Poll } from '../../shared/contracts/poll';
import { defaultProfile } from '../../shared/config/load-profile';
import { expiresAt } from '../../shared/domain/retention';
import { createPollStore } from '../../functions/adapters/dynamodb/poll-store';

const POLL = '2026-summer-events';
const FETE = { name: 'Avonford summer fete', date: '2026-07-11', place: 'Riverside Park, Avonford' };
const POTS = {
  'anti-social-behaviour': 36,
  'drug-misuse': 26,
  'violent-crime': 24,
  'alcohol-misuse': 23,
  burglary: 18,
  'vehicle-crime': 15,
  robbery: 14,
  'no-concern': 4,
};

/** Returns how many entries it added (0 if the poll is not published or already has tallies). */
export async function seedSampleTallies(client: DynamoDBClient, tableName: string, polls: Poll[]): Promise<number> {
  const poll = polls.find((p) => p.id === POLL);
  if (!poll) return 0;
  const store = createPollStore(client, tableName);
  if ((await store.listTallies(POLL)).length) return 0;
  const keep = expiresAt(new Date(poll.closesAt), defaultProfile().polls.resultsDaysAfterClose);
  const recordedBy = 'sample data';
  // The first count had two digits swapped; the correction shows how officers put that right.
  await store.appendTally(
    {
      entryId: 'sample-fete',
      pollId: POLL,
      event: FETE,
      counts: { ...POTS, robbery: 41 },
      recordedBy,
      recordedAt: '2026-07-13T09:12:00.000Z',
    },
    keep,
  );
  await store.appendTally(
    {
      entryId: 'sample-fete-corrected',
      pollId: POLL,
      event: FETE,
      counts: POTS,
      recordedBy,
      recordedAt: '2026-07-13T09:40:00.000Z',
      corrects: 'sample-fete',
      reason: 'Robbery pot was 14, typed as 41',
    },
    keep,
  );
  return 2;
}
