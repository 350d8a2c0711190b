/** Creates the reports table in DynamoDB Local from the same definition the CDK stack uses. */
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';

/**
 * Creates the table if missing; returns true if it was created. A table kept in .data
 * from an older layout (a different index key) is refused with what to do about it.
 */
export async function ensureReportsTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const index = reportsTable.indexes[0]!;
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const keys = existing.Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.name)?.KeySchema?.map((k) => k.AttributeName);
    if (keys?.join() !== [index.partitionKey, index.sortKey].join()) {
      throw new Error(`The local table ${tableName} was made by an older version of the portal. Start again with: npm start -- --fresh (this wipes local data)`);
    }
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: reportsTable.partitionKey, AttributeType: 'S' },
        { AttributeName: reportsTable.sortKey, AttributeType: 'S' },
        { AttributeName: index.partitionKey, AttributeType: 'S' },
        { AttributeName: index.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: reportsTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: reportsTable.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: reportsTable.streamView },
    }),
  );
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: reportsTable.ttlAttribute } }));
  return true;
}
