/**
 * The local stream poller hands the router images as Lambda would: DynamoDB Local writes
 * an empty map as `{}` in its stream, which no unmarshaller reads; the poller names it again.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { withEmptyMaps } from '../../infra/local/stream-poller';

describe('a stream image from DynamoDB Local', () => {
  it('reads with its empty maps, at any depth, and nothing else changed', () => {
    // As DynamoDB Local's stream sends an item with `deliveries: {}` and a map of one empty map.
    const image = {
      pk: { S: 'REVIEW#CR-X' },
      deliveries: {},
      nested: { M: { inner: {} } },
      list: { L: [{}, { S: 'x' }] },
      none: { L: [] },
    };
    expect(() => unmarshall(image as never)).toThrow(/No value defined/);
    expect(unmarshall(withEmptyMaps(image) as never)).toEqual({
      pk: 'REVIEW#CR-X',
      deliveries: {},
      nested: { inner: {} },
      list: [{}, 'x'],
      none: [],
    });
  });
});
