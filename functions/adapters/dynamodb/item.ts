/** Converting between plain objects and DynamoDB items, the same way everywhere. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
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
