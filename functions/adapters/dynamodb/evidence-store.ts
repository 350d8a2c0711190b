/**
 * The records of residents' files, in the reports table beside their report
 * (`REPORT#<ref> / EVIDENCE#<id>`), with the report's retention. A kept file is counted on
 * the report in the same transaction that records it and queues its emails, with a
 * condition that the report has room: two files processed at once cannot make six.
 */
import {
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  ConditionalCheckFailedException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AddOutcome, EvidenceStore } from '../../evidence/ports';
import type { EvidenceRecord, ListedEvidence } from '../../evidence/records';
import { fromItem, itemsStartingWith, toItem } from './item';
import { outboxItem } from './report-store';
import { keys } from './table-definition';

/** Tries when files processed at once conflict on their report (each write is quick). */
const CONFLICT_ATTEMPTS = 5;

const recordOf = ({ pk: _pk, sk: _sk, entity: _entity, ...rest }: Record<string, unknown>) => rest as unknown as EvidenceRecord;

export function createEvidenceStore(client: DynamoDBClient, tableName: string): EvidenceStore {
  return {
    async list(reference) {
      const items = await itemsStartingWith(client, tableName, { pk: keys.report(reference).pk, prefix: keys.evidence(reference, '').sk });
      return (items as unknown as ListedEvidence[]).sort((a, b) => a.at.localeCompare(b.at));
    },

    async get(reference, id) {
      const out = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(keys.evidence(reference, id)), ConsistentRead: true }),
      );
      return out.Item ? recordOf(fromItem(out.Item)) : undefined;
    },

    async addAvailable(record, outbox, limit): Promise<AddOutcome> {
      const names = Object.fromEntries(outbox.map((entry, i) => [`#target${i}`, entry.targetId]));
      const deliveries = outbox.map((_, i) => `deliveries.#target${i} = :pending`);
      // Files processed side by side write the same report item: a conflict is tried again.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: toItem({ ...keys.evidence(record.reference, record.id), entity: 'evidence', ...record }),
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                ...outbox.map((entry) => ({ Put: { TableName: tableName, Item: outboxItem(entry) } })),
                {
                  Update: {
                    TableName: tableName,
                    Key: marshall(keys.report(record.reference)),
                    UpdateExpression: `${deliveries.length ? `SET ${deliveries.join(', ')} ` : ''}ADD evidenceCount :one`,
                    ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(evidenceCount) OR evidenceCount < :limit)',
                    ...(outbox.length ? { ExpressionAttributeNames: names } : {}),
                    ExpressionAttributeValues: marshall({
                      ':one': 1,
                      ':limit': limit,
                      ...(outbox.length ? { ':pending': { state: 'pending', attempts: 0 } } : {}),
                    }),
                  },
                },
              ],
            }),
          );
          return 'added';
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          if (reasons.some((r) => r.Code === 'TransactionConflict') && attempt < CONFLICT_ATTEMPTS) {
            await new Promise((r) => setTimeout(r, Math.random() * 40 * attempt));
            continue;
          }
          if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'exists';
          if (reasons.at(-1)?.Code !== 'ConditionalCheckFailed') throw error;
          const report = await client.send(
            new GetItemCommand({
              TableName: tableName,
              Key: marshall(keys.report(record.reference)),
              ConsistentRead: true,
              ProjectionExpression: 'pk',
            }),
          );
          return report.Item ? 'full' : 'gone';
        }
      }
    },

    async addRefused(record) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: toItem({ ...keys.evidence(record.reference, record.id), entity: 'evidence', ...record }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}
