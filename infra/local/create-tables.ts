/** Creates the portal's tables in DynamoDB Local from the same definitions the CDK stack uses. */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';
import { pollsTable } from '../../functions/adapters/dynamodb/polls-table-definition';

interface TableDefinition {
  partitionKey: string;
  sortKey: string;
  ttlAttribute: string;
  streamView?: 'NEW_AND_OLD_IMAGES';
  indexes: { name: string; partitionKey: string; sortKey: string }[];
}

/**
 * Creates the table if missing; returns true if it was created. A table kept in .data
 * from an older layout (a different index key) is refused with what to do about it.
 */
async function ensureTable(client: DynamoDBClient, tableName: string, definition: TableDefinition): Promise<boolean> {
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const have = (existing.Table?.GlobalSecondaryIndexes ?? [])
      .map((i) => `${i.IndexName}:${i.KeySchema?.map((k) => k.AttributeName).join()}`)
      .sort();
    const want = definition.indexes.map((i) => `${i.name}:${i.partitionKey},${i.sortKey}`).sort();
    if (have.join('|') !== want.join('|') || existing.Table?.StreamSpecification?.StreamViewType !== definition.streamView) {
      throw new Error(
        `The local table ${tableName} was made by an older version of the portal. Start again with: npm start -- --fresh (this wipes local data)`,
      );
    }
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const attributes = new Set([
    definition.partitionKey,
    definition.sortKey,
    ...definition.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: definition.partitionKey, KeyType: 'HASH' },
        { AttributeName: definition.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: definition.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      ...(definition.streamView ? { StreamSpecification: { StreamEnabled: true, StreamViewType: definition.streamView } } : {}),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: definition.ttlAttribute },
    }),
  );
  return true;
}

export const ensureReportsTable = (client: DynamoDBClient, tableName: string) => ensureTable(client, tableName, reportsTable);
export const ensurePollsTable = (client: DynamoDBClient, tableName: string) => ensureTable(client, tableName, pollsTable);
