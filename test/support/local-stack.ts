/**
 * Starts the real local stack (DynamoDB Local, SES local, Cognito local, HTTP server) on
 * free ports for one test file, with tables of its own in its worker's DynamoDB Local, a
 * user pool of its own in its worker's Cognito local, and its worker's SES local emptied
 * for it (or an SES local of its own, for a test that stops and starts it).
 */
import { freePort } from '../../infra/local/ports';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/local-stack';
import { testDynamoDb } from './dynamodb';
import { workersService } from './workers-service';

export interface TestStackOptions extends Pick<LocalStackOptions, 'pollsDir' | 'siteDir' | 'beforeScan'> {
  /** An SES local of the stack's own, which a test can stop and start (an outage). */
  ownSes?: boolean;
}

export async function startTestStack({ ownSes = false, ...options }: TestStackOptions = {}): Promise<LocalStack> {
  const dynamo = await testDynamoDb();
  const cognitoEndpoint = workersService('cognitoEndpoints');
  const sesEndpoint = ownSes ? undefined : workersService('sesEndpoints');
  // The worker's files run one after another: the mail there is the last file's, not this one's.
  if (sesEndpoint) await emptied(sesEndpoint);
  const stack = await startLocalStack({
    ...options,
    port: await freePort(),
    dynamoDbEndpoint: dynamo.endpoint,
    ...(sesEndpoint ? { sesEndpoint } : { sesPort: await freePort() }),
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
    stop: async () => {
      await stack.stop();
      await dynamo.release();
    },
  };
}

async function emptied(sesEndpoint: string): Promise<void> {
  const response = await fetch(`${sesEndpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`SES local at ${sesEndpoint} did not empty its store: ${response.status}`);
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
