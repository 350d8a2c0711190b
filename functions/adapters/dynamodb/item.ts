/** Converting between plain objects and DynamoDB items, the same way everywhere. */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  paginateQuery,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type QueryCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/** Undefined fields are dropped, so optional values never become NULLs. */
export const toItem = (value: object): Record<string, AttributeValue> =>
  marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: false });

export const fromItem = (item: Record<string, AttributeValue>): Record<string, unknown> => unmarshall(item);

/**
 * A SET/REMOVE update for the given fields: defined values are set, undefined ones
 * removed (so clearing an optional field really clears it, and sparse index keys leave).
 */
export function setOrRemove(
  fields: Record<string, unknown>,
  prefix = 'u',
): { expression: string; names: Record<string, string>; values: Record<string, unknown> } {
  const set: string[] = [];
  const remove: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  Object.entries(fields).forEach(([field, value], i) => {
    names[`#${prefix}${i}`] = field;
    if (value === undefined) remove.push(`#${prefix}${i}`);
    else {
      set.push(`#${prefix}${i} = :${prefix}${i}`);
      values[`:${prefix}${i}`] = value;
    }
  });
  return {
    expression: [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' '),
    names,
    values,
  };
}

/**
 * Every item a query returns, page after page (the SDK's own paginator), as plain objects.
 * `maxPages` bounds a read whose result is only a summary (e.g. the oldest pending email).
 */
export async function* queryItems(
  client: DynamoDBClient,
  input: QueryCommandInput,
  maxPages = Infinity,
): AsyncGenerator<Record<string, unknown>> {
  let pages = 0;
  for await (const page of paginateQuery({ client }, input)) {
    for (const item of page.Items ?? []) yield fromItem(item);
    if (++pages >= maxPages) return;
  }
}

/** All of a query's items, every page read. */
export async function queryAll(client: DynamoDBClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const item of queryItems(client, input)) items.push(item);
  return items;
}

/**
 * The items of one partition whose sort key starts with `prefix`, read consistently, as
 * plain objects without their keys and bookkeeping (`pk`, `sk`, `entity`, `expiresAt`).
 */
export async function itemsStartingWith(
  client: DynamoDBClient,
  tableName: string,
  key: { pk: string; prefix: string },
): Promise<Record<string, unknown>[]> {
  const items = await queryAll(client, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: marshall({ ':pk': key.pk, ':prefix': key.prefix }),
    ConsistentRead: true,
  });
  return items.map(({ pk: _pk, sk: _sk, entity: _entity, expiresAt: _expires, ...rest }) => rest);
}

/** Pause between tries of what DynamoDB left unprocessed (a throttled partition): grows, with jitter. */
const unprocessedPause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** Math.min(attempt, 6)));

/**
 * Reads up to any number of items by key with BatchGetItem (100 keys a call), trying
 * again what DynamoDB leaves unprocessed. Returns them in no particular order.
 */
export async function batchGetAll(
  client: DynamoDBClient,
  tableName: string,
  keys: Record<string, unknown>[],
  consistent = true,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, AttributeValue>[] | undefined = keys.slice(i, i + 100).map((k) => marshall(k));
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await unprocessedPause(attempt);
      const page: BatchGetItemCommandOutput = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: consistent } } }),
      );
      out.push(...(page.Responses?.[tableName] ?? []).map((item) => unmarshall(item)));
      pending = page.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return out;
}

/**
 * Puts items with BatchWriteItem (25 a call, `parallel` calls at once), trying again
 * what DynamoDB leaves unprocessed. For append-only items whose keys are unique.
 */
export async function batchPutAll(
  client: DynamoDBClient,
  tableName: string,
  items: Record<string, AttributeValue>[],
  parallel = 8,
): Promise<void> {
  const chunks: Record<string, AttributeValue>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending: WriteRequest[] | undefined = chunks[next++]!.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await unprocessedPause(attempt);
        const out: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
        pending = out.UnprocessedItems?.[tableName];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
}
