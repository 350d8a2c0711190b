/** One DynamoDB client per runtime (functions/config.ts), pointed at DynamoDB Local when an endpoint is set. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { config, perRuntime } from '../../config';

export const dynamoDbClient = perRuntime(
  (): DynamoDBClient =>
    new DynamoDBClient({
      region: config().AWS_REGION,
      ...(config().DYNAMODB_ENDPOINT
        ? { endpoint: config().DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
      // Two quick retries: a resident is waiting on the other end of the form.
      maxAttempts: 3,
    }),
);
