/**
 * Starts the real local stack (DynamoDB Local, SES local, Cognito local, HTTP server) on
 * free ports for one test file, with tables of its own in its worker's DynamoDB Local and
 * a user pool of its own in its worker's Cognito local.
 */
import { freePort } from '../../infra/local/ports';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/local-stack';
import { testDynamoDb, workersService } from './dynamodb';

export async function startTestStack(options: Pick<LocalStackOptions, 'pollsDir' | 'siteDir' | 'beforeScan'> = {}): Promise<LocalStack> {
  const dynamo = await testDynamoDb();
  const cognitoEndpoint = workersService('cognitoEndpoints');
  const stack = await startLocalStack({
    ...options,
    port: await freePort(),
    dynamoDbEndpoint: dynamo.endpoint,
    sesPort: await freePort(),
    ...(cognitoEndpoint ? { cognitoEndpoint } : { cognitoPort: await freePort() }),
    s3Port: await freePort(),
    clamAvPort: await freePort(),
    tableName: dynamo.table('reports'),
    pollsTableName: dynamo.table('polls'),
    // The tests finalise closed polls themselves when they need to.
    closePollsIntervalMs: 3_600_000,
    // …and bring the live regions up to date when they look at them.
    liveRegionsIntervalMs: 3_600_000,
    // The tests run the sweeper themselves when they need it.
    sweepIntervalMs: 3_600_000,
  }).catch(async (error: unknown) => {
    await dynamo.release();
    throw error;
  });
  return {
    ...stack,
    // The getter keeps returning the SES local a test restarted after an outage.
    get ses() {
      return stack.ses;
    },
    stop: async () => {
      await stack.stop();
      await dynamo.release();
    },
  };
}

export interface CapturedEmail {
  subject: string;
  from: string;
  destination: { to: string[] };
  body: { html?: string; text?: string };
}

/** Every email SES local has captured so far. */
export async function capturedEmails(stack: Pick<LocalStack, 'sesEndpoint'>): Promise<CapturedEmail[]> {
  const response = await fetch(`${stack.sesEndpoint}/store`);
  return ((await response.json()) as { emails: CapturedEmail[] }).emails;
}

/** Waits until `predicate` holds for the captured emails (the router is asynchronous). */
export async function waitForEmails(
  stack: Pick<LocalStack, 'sesEndpoint'>,
  predicate: (emails: CapturedEmail[]) => boolean,
  timeoutMs = 15_000,
): Promise<CapturedEmail[]> {
  const started = Date.now();
  for (;;) {
    const emails = await capturedEmails(stack);
    if (predicate(emails)) return emails;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Expected emails did not arrive; captured ${emails.length}: ${emails.map((e) => e.subject).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
