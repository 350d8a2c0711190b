/**
 * The local stream poller reads a quiet stream less and less often (a pause that doubles up
 * to a limit), and at once when told something was written: DynamoDB Local is not kept busy
 * by an idle portal, and a report is still routed as soon as it is stored.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ensureReportsTable } from '../../infra/local/create-tables';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { type PauseTimers, startStreamPoller } from '../../infra/local/stream-poller';
import { type TestDynamoDb, testDynamoDb } from '../support/dynamodb';

let dynamo: TestDynamoDb;
beforeAll(async () => {
  dynamo = await testDynamoDb();
});
afterAll(async () => dynamo?.release());

/** Pauses the test ends by hand: each one asked for is kept, with its length. */
function steppedTimers() {
  const pending = new Map<number, { done: () => void; ms: number }>();
  const asked: number[] = [];
  let next = 0;
  const timers: PauseTimers = {
    set(done, ms) {
      asked.push(ms);
      pending.set(++next, { done, ms });
      return next;
    },
    clear: (timer) => void pending.delete(timer as number),
  };
  /** Waits for the poller to be in a pause, then ends it; returns how long the pause was to be. */
  const endPause = async () => {
    await vi.waitFor(() => expect(pending.size).toBe(1));
    const [timer, { done, ms }] = [...pending][0]!;
    pending.delete(timer);
    done();
    return ms;
  };
  return { timers, asked, endPause, pausing: () => pending.size === 1 };
}

it('doubles its pause while the stream is quiet, and reads at once when woken', async () => {
  const client = localDynamoClient(dynamo.endpoint);
  const tableName = dynamo.table('stream-poller');
  await ensureReportsTable(client, tableName);
  const seen: string[] = [];
  const { timers, asked, endPause, pausing } = steppedTimers();
  const poller = await startStreamPoller({
    client,
    endpoint: dynamo.endpoint,
    tableName,
    intervalMs: 100,
    maxIntervalMs: 800,
    timers,
    handler: async (event) => {
      seen.push(...event.Records.map((r) => String(r.dynamodb?.Keys?.pk?.S)));
      return { batchItemFailures: [] };
    },
  });
  try {
    // Four quiet rounds: 200, 400, 800 ms, then no longer than the limit.
    expect([await endPause(), await endPause(), await endPause(), await endPause()]).toEqual([200, 400, 800, 800]);
    // The round the last pause let start is over before the write: otherwise it could read
    // the record itself, and the round checked below would not be the one that found it.
    await vi.waitFor(() => expect(pausing()).toBe(true));

    await client.send(new PutItemCommand({ TableName: tableName, Item: marshall({ pk: 'written', sk: 'X' }) }));
    await vi.waitFor(() => expect(pausing()).toBe(true));
    poller.wake();
    // The long pause is cut to what is left of the quickest one.
    expect(asked.at(-1)).toBeLessThanOrEqual(100);
    // The record is read in the next round (or, if DynamoDB Local is slow to show it, a later one).
    for (let round = 0; round < 10 && seen.length === 0; round++) {
      await endPause();
      await vi.waitFor(() => expect(pausing()).toBe(true));
    }
    expect(seen).toEqual(['written']);
    // A round that found records is followed by the quickest pause.
    expect(asked.at(-1)).toBe(100);
  } finally {
    await poller.stop();
    client.destroy();
  }
});
