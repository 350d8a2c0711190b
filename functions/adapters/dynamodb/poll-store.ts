/**
 * Ballots, live counters, event tallies and final totals in the polls table. A ballot
 * and its counter increment are one transaction, so a counter can never count a ballot
 * that was not stored, nor count one twice: a retried request finds the ballot already
 * there and the transaction writes nothing.
 */
import {
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  ConditionalCheckFailedException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { batchGetAll, fromItem, itemsStartingWith, queryItems, toItem } from './item';
import { tableSecret } from './table-secret';
import { pollKeys, pollsTable } from './polls-table-definition';
import { COUNTER_SHARDS } from '../../polls/online-counts';
import type { Allocation } from '../../../shared/domain/poll-rules';
import type { TallyEntry } from '../../../shared/domain/poll-results';
import type { FinalTotals, OnlineCounts, PlannedEvent, PollStore, StoredBallot } from '../../polls/ports';
import { addCounts, emptyCounts } from '../../polls/online-counts';

const OPTION = 'o#';
const FOLLOW_UP = 'f#';
/** Counter shards taken by another ballot at the same moment: try another, a few times. */
const MAX_CONFLICT_TRIES = 8;

function countsOf(item: Record<string, unknown> | undefined): OnlineCounts {
  const counts: Allocation = {};
  const followUps: Record<string, number> = {};
  for (const [name, value] of Object.entries(item ?? {})) {
    if (name.startsWith(OPTION)) counts[name.slice(OPTION.length)] = Number(value);
    else if (name.startsWith(FOLLOW_UP)) followUps[name.slice(FOLLOW_UP.length)] = Number(value);
  }
  return { counts, ballots: Number(item?.ballots ?? 0), followUps };
}

export function createPollStore(client: DynamoDBClient, tableName: string, random = Math.random): PollStore {
  const getBallot = async (pollId: string, voterId: string) => {
    const out = await client.send(
      new GetItemCommand({ TableName: tableName, Key: marshall(pollKeys.ballot(pollId, voterId)), ConsistentRead: true }),
    );
    return out.Item ? (fromItem(out.Item) as unknown as StoredBallot) : undefined;
  };

  const listTallies = async (pollId: string) =>
    (await itemsStartingWith(client, tableName, pollKeys.ofPoll(pollId, 'TALLY'))) as unknown as TallyEntry[];

  return {
    async castBallot(ballot, followUpChoices, options = {}) {
      const adds: [string, number][] = [
        ...Object.entries(ballot.counts)
          .filter(([, n]) => n > 0)
          .map(([option, n]) => [`${OPTION}${option}`, n] as [string, number]),
        ...Object.entries(followUpChoices).map(([question, option]) => [`${FOLLOW_UP}${question}#${option}`, 1] as [string, number]),
        ['ballots', 1],
      ];
      const names = Object.fromEntries(adds.map(([name], i) => [`#a${i}`, name]));
      const values = Object.fromEntries(adds.map(([, n], i) => [`:a${i}`, n]));
      for (let attempt = 1; ; attempt++) {
        const shard = Math.floor(random() * COUNTER_SHARDS);
        const stored: StoredBallot = { ...ballot, shard };
        try {
          await client.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: toItem({
                      ...pollKeys.ballot(ballot.pollId, ballot.voterId),
                      ballotShard: pollKeys.ballotShard(ballot.pollId, shard),
                      ...stored,
                    }),
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Update: {
                    TableName: tableName,
                    Key: marshall(pollKeys.counter(ballot.pollId, shard)),
                    UpdateExpression: `ADD ${adds.map((_, i) => `#a${i} :a${i}`).join(', ')} SET expiresAt = :e`,
                    ExpressionAttributeNames: names,
                    ExpressionAttributeValues: marshall({ ...values, ':e': ballot.expiresAt }),
                  },
                },
              ],
            }),
          );
          return { outcome: 'counted', shard };
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) {
            // The write may have happened (a timeout, a dropped connection): look before failing.
            const existing = await getBallot(ballot.pollId, ballot.voterId).catch(() => undefined);
            if (existing?.castAt === ballot.castAt) return { outcome: 'counted', shard: existing.shard };
            if (existing) return { outcome: 'already-voted', existing };
            throw error;
          }
          const [ballotReason, counterReason] = error.CancellationReasons ?? [];
          if (ballotReason?.Code === 'ConditionalCheckFailed') {
            const existing = await getBallot(ballot.pollId, ballot.voterId);
            if (existing) return { outcome: 'already-voted', existing };
          }
          const conflict = ballotReason?.Code === 'TransactionConflict' || counterReason?.Code === 'TransactionConflict';
          if (!conflict || attempt >= MAX_CONFLICT_TRIES || (options.giveUpAt !== undefined && Date.now() >= options.giveUpAt)) throw error;
          // Full jitter, growing: ballots that collided do not collide again in step.
          await new Promise((resolve) => setTimeout(resolve, random() * 5 * 2 ** attempt));
        }
      }
    },

    getBallot,

    async liveCounts(pollId) {
      const total = emptyCounts();
      const shards = await batchGetAll(
        client,
        tableName,
        Array.from({ length: COUNTER_SHARDS }, (_, shard) => pollKeys.counter(pollId, shard)),
        false,
      );
      for (const item of shards) addCounts(total, countsOf(item));
      return total;
    },

    async *ballotsOfShard(pollId, shard) {
      const input = {
        TableName: tableName,
        IndexName: pollsTable.indexes[0]!.name,
        KeyConditionExpression: 'ballotShard = :s',
        ExpressionAttributeValues: marshall({ ':s': pollKeys.ballotShard(pollId, shard) }),
      };
      for await (const item of queryItems(client, input)) yield item as unknown as StoredBallot;
    },

    async counterOfShard(pollId, shard) {
      const out = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(pollKeys.counter(pollId, shard)), ConsistentRead: true }),
      );
      return countsOf(out.Item ? unmarshall(out.Item) : undefined);
    },

    async getFinal(pollId) {
      const out = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(pollKeys.final(pollId)) }));
      return out.Item ? (fromItem(out.Item) as unknown as FinalTotals) : undefined;
    },

    async putFinal(final) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: toItem({ ...pollKeys.final(final.pollId), ...final }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async appendTally(entry, expiresAt) {
      const put = {
        Put: {
          TableName: tableName,
          Item: toItem({ ...pollKeys.tally(entry.pollId, entry.recordedAt, entry.entryId), entity: 'tally', ...entry, expiresAt }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
      if (!entry.corrects) {
        await client.send(new TransactWriteItemsCommand({ TransactItems: [put] }));
        return 'recorded';
      }
      // The corrected entry must exist, and be corrected once: two officers correcting
      // the same count at once would otherwise both count.
      const existing = (await listTallies(entry.pollId)).find((t) => t.entryId === entry.corrects);
      if (!existing) return 'unknown-entry';
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              put,
              {
                Put: {
                  TableName: tableName,
                  Item: toItem({ ...pollKeys.corrected(entry.pollId, entry.corrects), correctedBy: entry.entryId, expiresAt }),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return 'recorded';
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed')
          return 'already-corrected';
        throw error;
      }
    },

    listTallies,

    async addEvent(event, expiresAt) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: toItem({ ...pollKeys.event(event.pollId, event.date, event.eventId), entity: 'event', ...event, expiresAt }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async listEvents(pollId) {
      return (await itemsStartingWith(client, tableName, pollKeys.ofPoll(pollId, 'EVENT'))) as unknown as PlannedEvent[];
    },

    voterSecret(make) {
      return tableSecret(client, tableName, pollKeys.voterSecret(), make);
    },
  };
}
