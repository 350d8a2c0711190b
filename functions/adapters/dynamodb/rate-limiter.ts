/**
 * Fixed-window rate limits kept in the table: one counter item per key and window,
 * incremented atomically and refused once at the limit. Items expire an hour after
 * their window by TTL. Keys are hashed by the caller, so no address is stored in clear.
 */
import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { keys } from './table-definition';
import type { RateLimiter } from '../../reports/ports';

export function createRateLimiter(client: DynamoDBClient, tableName: string): RateLimiter {
  return {
    async take(key, rule, now) {
      const seconds = Math.floor(now.getTime() / 1000);
      const windowStart = seconds - (seconds % rule.windowSeconds);
      const retryAfterSeconds = windowStart + rule.windowSeconds - seconds;
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(keys.rate(`${key}#${windowStart}`)),
            UpdateExpression: 'ADD #count :one SET expiresAt = :expires',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: marshall({ ':one': 1, ':limit': rule.limit, ':expires': windowStart + rule.windowSeconds + 3600 }),
          }),
        );
        return { allowed: true, retryAfterSeconds };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { allowed: false, retryAfterSeconds };
        throw error;
      }
    },
  };
}
