/**
 * A local stack in a process of its own: for the test that kills it outright (SIGKILL)
 * and checks the next start cleans up after it, and for running another partnership pack
 * than the tests' own (each process loads one pack, from CSP_PARTNERSHIP). Ports, folders
 * and tables come from the environment; prints "ready" and the stack's addresses as JSON
 * once it is up, then waits to be stopped.
 */
import { startLocalStack } from '../../infra/local/local-stack';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const stack = await startLocalStack({
  port: Number(env('PORT')),
  // The test worker's DynamoDB Local, or one of the process's own.
  ...(process.env.DYNAMODB_ENDPOINT ? { dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT } : { dynamoDbPort: Number(env('DYNAMODB_PORT')) }),
  // The test worker's SES local and Cognito local (a pool of the stack's own), or the process's own.
  ...(process.env.SES_ENDPOINT ? { sesEndpoint: process.env.SES_ENDPOINT } : { sesPort: Number(env('SES_PORT')) }),
  ...(process.env.COGNITO_ENDPOINT ? { cognitoEndpoint: process.env.COGNITO_ENDPOINT } : { cognitoPort: Number(env('COGNITO_PORT')) }),
  s3Port: Number(env('S3_PORT')),
  clamAvPort: Number(env('CLAMAV_PORT')),
  pidDir: env('PID_DIR'),
  shortLivedJvm: true,
  ...(process.env.SITE_DIR ? { siteDir: process.env.SITE_DIR } : {}),
  tableName: process.env.TABLE_NAME ?? 'killed-reports',
  pollsTableName: process.env.POLLS_TABLE_NAME ?? 'killed-polls',
  sweepIntervalMs: 3_600_000,
  closePollsIntervalMs: 3_600_000,
});
console.log(`ready ${JSON.stringify({ url: stack.url, sesEndpoint: stack.sesEndpoint })}`);
process.on('SIGTERM', () => void stack.stop().then(() => process.exit(0)));
setInterval(() => undefined, 60_000);
