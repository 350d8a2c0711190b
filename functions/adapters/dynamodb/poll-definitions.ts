/**
 * Poll definitions in the polls table: one partition lists them all, each change is a
 * separate item written in the same transaction as the definition it describes, and a
 * version number on each definition refuses a change made from an older one.
 */
import {
  GetItemCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { fromItem, itemsStartingWith, toItem } from './item';
import { pollKeys } from './polls-table-definition';
import { COUNTER_SHARDS } from '../../polls/online-counts';
import type { PollChange, PollDefinitionStore, PollRecord } from '../../polls/ports';

const recordOf = ({ pk: _pk, sk: _sk, entity: _entity, expiresAt: _expires, ...rest }: Record<string, unknown>) =>
  rest as unknown as PollRecord;

export function createPollDefinitionStore(client: DynamoDBClient, tableName: string): PollDefinitionStore {
  const changeItem = (change: PollChange, expiresAt: number): TransactWriteItem => ({
    Put: {
      TableName: tableName,
      Item: toItem({ ...pollKeys.change(change.pollId, change.changedAt, change.version), entity: 'poll-change', ...change, expiresAt }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  const definitionItem = (record: PollRecord, expiresAt: number) =>
    toItem({ ...pollKeys.definition(record.poll.id), entity: 'poll-definition', ...record, expiresAt });

  /** Runs the transaction; the first item is the definition, then the change, then any ballot checks. */
  const write = async (items: TransactWriteItem[], onDefinitionRefused: 'exists' | 'version-conflict') => {
    try {
      await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return 'written' as const;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return onDefinitionRefused;
      if (reasons.slice(2).some((r) => r.Code === 'ConditionalCheckFailed')) return 'has-ballots' as const;
      throw error;
    }
  };

  return {
    async get(id) {
      const out = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(pollKeys.definition(id)), ConsistentRead: true }),
      );
      return out.Item ? recordOf(fromItem(out.Item)) : undefined;
    },

    async list() {
      return (await itemsStartingWith(client, tableName, pollKeys.definitions())) as unknown as PollRecord[];
    },

    create(record, change, expiresAt) {
      return write(
        [
          { Put: { TableName: tableName, Item: definitionItem(record, expiresAt), ConditionExpression: 'attribute_not_exists(pk)' } },
          changeItem(change, expiresAt),
        ],
        'exists',
      );
    },

    replace(record, change, expiresAt, { lockedWhenVoted }) {
      // A counter shard that has counted a ballot says the poll has been voted in: every
      // shard is checked in the transaction, and a ballot's own transaction updates one.
      const ballotChecks: TransactWriteItem[] = lockedWhenVoted
        ? Array.from({ length: COUNTER_SHARDS }, (_, shard) => ({
            ConditionCheck: {
              TableName: tableName,
              Key: marshall(pollKeys.counter(record.poll.id, shard)),
              ConditionExpression: 'attribute_not_exists(ballots) OR ballots = :none',
              ExpressionAttributeValues: marshall({ ':none': 0 }),
            },
          }))
        : [];
      return write(
        [
          {
            Put: {
              TableName: tableName,
              Item: definitionItem(record, expiresAt),
              ConditionExpression: 'version = :was',
              ExpressionAttributeValues: marshall({ ':was': record.version - 1 }),
            },
          },
          changeItem(change, expiresAt),
          ...ballotChecks,
        ],
        'version-conflict',
      );
    },

    async changes(pollId) {
      return (await itemsStartingWith(client, tableName, pollKeys.ofPoll(pollId, 'CHANGE'))) as unknown as PollChange[];
    },
  };
}
