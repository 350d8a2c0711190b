/** Creates the reports table in DynamoDB Local from the same definition the CDK stack uses. */
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';

/**
 * Creates the table if missing; returns true if it was created. A table kept in .data
 * from an older layout (a different index key) is refused with what to do about it.
 */
export async function ensureReportsTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const have = (existing.Table?.GlobalSecondaryIndexes ?? []).map((i) => `${i.IndexName}:${i.KeySchema?.map((k) => k.AttributeName).join()}`).sort();
    const want = reportsTable.indexes.map((i) => `${i.name}:${i.partitionKey},${i.sortKey}`).sort();
    if (have.join('|') !== want.join('|') || existing.Table?.StreamSpecification?.StreamViewType !== reportsTable.streamView) {
      throw new Error(`The local table ${tableName} was made by an older version of the portal. Start again with: npm start -- --fresh (this wipes local data)`);
    }
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const attributes = new Set([reportsTable.partitionKey, reportsTable.sortKey, ...reportsTable.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: reportsTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: reportsTable.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: reportsTable.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: reportsTable.streamView },
    }),
  );
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: reportsTable.ttlAttribute } }));
  return true;
}
