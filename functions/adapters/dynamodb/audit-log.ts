/**
 * The audit trail: one append-only item per read of a report's personal data or change
 * to it, kept in the report's partition (so it lives and expires with the report).
 * Items are only ever put with a condition that they do not exist: never updated.
 */
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

export interface AuditEntry {
  reference: string;
  /** Cognito `sub` of the officer or partner user. */
  userId: string;
  groups: string[];
  action: 'read-report';
  at: string;
  /** Same retention as the report it is about. */
  expiresAt: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
}

export function createAuditLog(client: DynamoDBClient, tableName: string): AuditLog {
  return {
    async append(entry) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({ pk: `REPORT#${entry.reference}`, sk: `AUDIT#${entry.at}#${crypto.randomUUID()}`, entity: 'audit', ...entry }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
  };
}
