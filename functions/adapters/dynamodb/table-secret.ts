/**
 * A signing key kept in a table item, made by whichever cold start needs it first (a
 * conditional put) and read by every other. The key never leaves the table and the
 * functions that sign with it; rotating it only ends the life of what it signed.
 */
import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { toItem } from './item';

/** The item's key: both tables keep secrets under `CONFIG#secrets`. */
export type SecretKey = { pk: string; sk: string };

export async function tableSecret(client: DynamoDBClient, tableName: string, key: SecretKey, make: () => string): Promise<string> {
  const read = async () => (await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(key), ConsistentRead: true }))).Item;
  let item = await read();
  if (!item) {
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: toItem({ ...key, secret: make(), createdAt: new Date().toISOString() }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      // Another cold start made it first: use theirs.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    item = await read();
  }
  return unmarshall(item!).secret as string;
}

/** Memoises a secret per container; a failed read is tried again on the next request, not kept. */
export function cachedSecret(load: () => Promise<string>): () => Promise<string> {
  let secret: Promise<string> | undefined;
  return () => {
    secret ??= load();
    secret.catch(() => (secret = undefined));
    return secret;
  };
}
