/**
 * A test file's DynamoDB: its worker's shared DynamoDB Local when the test setup started
 * one (test/support/global-services.ts), else one of its own (benchmarks run outside the
 * test runner). Table names carry a random part, so files that share an instance never
 * see each other's data, and `release` deletes them.
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';
import { workersService } from './workers-service';

export interface TestDynamoDb {
  endpoint: string;
  /** A table name of this file's own, for `purpose` ("reports", "polls"). */
  table(purpose: string): string;
  /** Deletes this file's tables (a shared instance), or stops its own instance. */
  release(): Promise<void>;
}

export async function testDynamoDb(): Promise<TestDynamoDb> {
  const run = randomUUID().slice(0, 8);
  const made: string[] = [];
  const table = (purpose: string) => {
    const name = `${purpose}-${run}`;
    made.push(name);
    return name;
  };
  const shared = workersService('dynamoDbEndpoints');
  if (shared)
    return {
      endpoint: shared,
      table,
      release: async () => {
        const client = localDynamoClient(shared);
        await Promise.all(made.map((TableName) => client.send(new DeleteTableCommand({ TableName })).catch(() => undefined)));
        client.destroy();
      },
    };
  const own = await startDynamoDbLocal({ port: await freePort() });
  return { endpoint: own.endpoint, table, release: () => own.stop() };
}
