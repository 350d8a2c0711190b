/** Converting between plain objects and DynamoDB items, the same way everywhere. */
import { paginateQuery, type AttributeValue, type DynamoDBClient, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/** Undefined fields are dropped, so optional values never become NULLs. */
export const toItem = (value: object): Record<string, AttributeValue> => marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: false });

export const fromItem = (item: Record<string, AttributeValue>): Record<string, unknown> => unmarshall(item);

/**
 * A SET/REMOVE update for the given fields: defined values are set, undefined ones
 * removed (so clearing an optional field really clears it, and sparse index keys leave).
 */
export function setOrRemove(fields: Record<string, unknown>, prefix = 'u'): { expression: string; names: Record<string, string>; values: Record<string, unknown> } {
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
  return { expression: [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' '), names, values };
}

/**
 * Every item a query returns, page after page (the SDK's own paginator), as plain objects.
 * `maxPages` bounds a read whose result is only a summary (e.g. the oldest pending email).
 */
export async function* queryItems(client: DynamoDBClient, input: QueryCommandInput, maxPages = Infinity): AsyncGenerator<Record<string, unknown>> {
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
