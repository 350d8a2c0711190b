/**
 * The pack's demonstration event tallies (shared/config/demo-tallies.ts), added once to
 * a fresh local portal through the same store officers use, so its results show an event
 * channel and, where the pack has one, a correction.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Poll } from '../../shared/contracts/poll';
import { readDemoTallies } from '../../shared/config/demo-tallies';
import { loadPolls } from '../../shared/config/load-polls';
import { defaultProfile } from '../../shared/config/load-profile';
import { chosenPackDir } from '../../shared/config/partnership-pack';
import { expiresAt } from '../../shared/domain/retention';
import { createPollStore } from '../../functions/adapters/dynamodb/poll-store';

/** Returns how many entries it added (0 if the pack has none, its poll is not published, or it already has tallies). */
export async function seedSampleTallies(client: DynamoDBClient, tableName: string, polls: Poll[]): Promise<number> {
  // Checked against the pack's own polls; added only if its poll is among those published here.
  const demo = readDemoTallies(chosenPackDir(), loadPolls());
  const poll = demo && polls.find((p) => p.id === demo.pollId);
  if (!demo || !poll) return 0;
  const store = createPollStore(client, tableName);
  if ((await store.listTallies(poll.id)).length) return 0;
  const keep = expiresAt(new Date(poll.closesAt), defaultProfile().polls.resultsDaysAfterClose);
  for (const entry of demo.entries) await store.appendTally({ ...entry, pollId: poll.id, recordedBy: 'sample data' }, keep);
  return demo.entries.length;
}
