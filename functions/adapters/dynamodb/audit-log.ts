/**
 * The audit trail: one append-only item per read of a report's personal data or change
 * to it, kept in the report's partition (so it lives and expires with the report) and
 * indexed by day for the admins' audit view. Items are only ever put with a condition
 * that they do not exist: never updated. No resident data is written here: only who
 * did what, when, to which reference.
 */
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { batchPutAll, queryAll, toItem } from './item';
import { keys, reportsTable } from './table-definition';
import type { AuditEntry, AuditLog } from '../../reports/ports';

/** The item for an entry, for use inside another transaction too. */
export function auditItem(entry: AuditEntry): Record<string, unknown> {
  return { ...keys.audit(entry.reference, entry.at), entity: 'audit', auditDay: entry.at.slice(0, 10), ...entry };
}

const auditIndex = reportsTable.indexes.find((i) => i.name === 'audit-by-day')!;

/** Every calendar day from..to inclusive, as YYYY-MM-DD (UTC days, as `auditDay` is). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 400; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function createAuditLog(client: DynamoDBClient, tableName: string): AuditLog {
  const put = (entry: AuditEntry) =>
    client.send(
      new PutItemCommand({ TableName: tableName, Item: toItem(auditItem(entry)), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  return {
    async append(entry) {
      await put(entry);
    },
    async appendAll(entries) {
      await batchPutAll(
        client,
        tableName,
        entries.map((e) => toItem(auditItem(e))),
      );
    },
    async between(from, to) {
      const perDay = await Promise.all(
        days(from, to).map(async (day) => {
          const items = await queryAll(client, {
            TableName: tableName,
            IndexName: auditIndex.name,
            KeyConditionExpression: 'auditDay = :d',
            ExpressionAttributeValues: marshall({ ':d': day }),
          });
          return items.map(({ pk: _pk, sk: _sk, entity: _e, auditDay: _d, ...entry }) => entry as unknown as AuditEntry);
        }),
      );
      return perDay.flat();
    },
  };
}
