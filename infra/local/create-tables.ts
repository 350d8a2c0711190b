/** Creates the reports table in DynamoDB Local from the same definition the CDK stack uses. */
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reportsTable } from '../../functions/adapters/dynamodb/table-definition';

/** Creates the table if missing; returns true if it was created. */
export async function ensureReportsTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const index = reportsTable.indexes[0]!;
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
