/**
 * One DynamoDB Local per test worker, started once for the whole run instead of once per
 * test file (a JVM start is most of a local stack's start). Each file makes its own
 * tables in its worker's instance, under names no other file uses, and deletes them when
 * it ends (test/support/dynamodb.ts). The integration and browser projects both list this
 * setup; they share the same instances, stopped after the last of them.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The DynamoDB Local of each worker: VITEST_POOL_ID 1 uses the first. */
    dynamoDbEndpoints: string[];
  }
}

interface Shared {
  users: number;
  started: Promise<DynamoDbLocal[]>;
}
const KEY = Symbol.for('csp-portal.test-dynamodb');

/** One instance per worker; if one cannot start, those that did are stopped before the error is told. */
async function startAll(count: number): Promise<DynamoDbLocal[]> {
  const results = await Promise.allSettled(
    Array.from({ length: count }, async () => startDynamoDbLocal({ port: await freePort(), shortLived: true })),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (!failed) return results.map((r) => (r as PromiseFulfilledResult<DynamoDbLocal>).value);
  await Promise.all(results.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
  throw failed.reason;
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
  const instances = await shared.started;
  project.provide(
    'dynamoDbEndpoints',
    instances.map((i) => i.endpoint),
  );
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      delete holder[KEY];
      await Promise.all(instances.map((i) => i.stop()));
    }
  };
}
