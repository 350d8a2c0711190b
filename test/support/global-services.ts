/**
 * One DynamoDB Local, one Cognito local and one SES local per test worker, started once for
 * the whole run instead of once per test file (a JVM start is most of a local stack's
 * start; a Cognito local start, about 0.9 CPU-seconds, was a twentieth of the suite's CPU;
 * an SES local start, about half a CPU-second, was paid by every file). Each file makes its
 * own tables in its worker's DynamoDB Local and its own user pool in its worker's Cognito
 * local, under names and ids no other file uses, and empties its worker's SES local before
 * it starts: a worker runs its files one after another, so what a file reads there is its
 * own mail (test/support/dynamodb.ts, test/support/local-stack.ts). The integration
 * project lists this setup and the browser project's (test/global-setup.ts) calls it; they
 * share the same instances, stopped after the last of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCognitoServer } from '../../infra/local/cognito-local';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';
import { startSesLocal } from '../../infra/local/ses-local';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The DynamoDB Local of each worker: VITEST_POOL_ID 1 uses the first. */
    dynamoDbEndpoints: string[];
    /** The Cognito local of each worker, in the same order. */
    cognitoEndpoints: string[];
    /** The SES local of each worker, in the same order. */
    sesEndpoints: string[];
  }
}

interface Service {
  endpoint: string;
  stop(): Promise<void>;
}

interface Services {
  dynamoDb: Service[];
  cognito: Service[];
  ses: Service[];
}

interface Shared {
  users: number;
  started: Promise<Services>;
}
const KEY = Symbol.for('csp-portal.test-services');

async function startCognito(): Promise<Service> {
  const dataDir = mkdtempSync(join(tmpdir(), 'csp-test-cognito-'));
  const server = await startCognitoServer({ port: await freePort(), dataDir });
  return {
    endpoint: server.endpoint,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startSes(): Promise<Service> {
  const ses = await startSesLocal({ port: await freePort() });
  return { endpoint: ses.url, stop: ses.stop };
}

/** One of each per worker; if one cannot start, those that did are stopped before the error is told. */
async function startAll(count: number): Promise<Services> {
  const results = await Promise.allSettled([
    ...Array.from({ length: count }, async () => startDynamoDbLocal({ port: await freePort(), shortLived: true })),
    ...Array.from({ length: count }, startCognito),
    ...Array.from({ length: count }, startSes),
  ]);
  const services = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(services.map((s) => s.stop()));
    throw failed.reason;
  }
  // In the order started: the DynamoDB Locals, the Cognito locals, then the SES locals.
  return { dynamoDb: services.slice(0, count), cognito: services.slice(count, 2 * count), ses: services.slice(2 * count) };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const holder = globalThis as { [KEY]?: Shared };
  const workers = Math.max(1, Number(project.globalConfig.maxWorkers) || 1);
  holder[KEY] ??= {
    users: 0,
    started: startAll(workers),
  };
  const shared = holder[KEY];
  shared.users += 1;
  const { dynamoDb, cognito, ses } = await shared.started;
  project.provide(
    'dynamoDbEndpoints',
    dynamoDb.map((s) => s.endpoint),
  );
  project.provide(
    'cognitoEndpoints',
    cognito.map((s) => s.endpoint),
  );
  project.provide(
    'sesEndpoints',
    ses.map((s) => s.endpoint),
  );
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      delete holder[KEY];
      await Promise.all([...dynamoDb, ...cognito, ...ses].map((s) => s.stop()));
    }
  };
}
