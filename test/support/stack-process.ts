/**
 * A local stack in a process of its own, for the test that kills it outright (SIGKILL)
 * and checks the next start cleans up after it. Ports and folders come from the
 * environment; prints "ready" once the stack is up, then waits to be killed.
 */
import { startLocalStack } from '../../infra/local/local-stack';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

await startLocalStack({
  port: Number(env('PORT')),
  dynamoDbPort: Number(env('DYNAMODB_PORT')),
  sesPort: Number(env('SES_PORT')),
  cognitoPort: Number(env('COGNITO_PORT')),
  pidDir: env('PID_DIR'),
  tableName: 'killed-reports',
  pollsTableName: 'killed-polls',
  sweepIntervalMs: 3_600_000,
  closePollsIntervalMs: 3_600_000,
});
console.log('ready');
setInterval(() => undefined, 60_000);
