/**
 * A write whose answer was lost (a timeout, a dropped connection) may still have
 * happened. The adapters settle it by reading back what the same transaction wrote, so
 * a stored report or a counted ballot is never answered as lost. DynamoDB's client is
 * mocked here: this tests the adapters' handling of its errors, not DynamoDB.
 */
import { describe, expect, it } from 'vitest';
import { GetItemCommand, TransactWriteItemsCommand, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import { createPollStore } from '../../functions/adapters/dynamodb/poll-store';
import type { StoredReport } from '../../functions/reports/records';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

const lost = () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });

function clientWith(onTransact: () => never | Promise<never>, item: Record<string, unknown> | undefined, counter = { transacts: 0 }) {
  return {
    send: async (command: unknown) => {
      if (command instanceof TransactWriteItemsCommand) {
        counter.transacts++;
        return onTransact();
      }
      if (command instanceof GetItemCommand) return { Item: item ? marshall(item) : undefined };
      throw new Error('unexpected command');
    },
  } as unknown as DynamoDBClient;
}

const report = {
  reference: 'ABCD2345',
  version: 1,
  routes: [],
  deliveries: {},
  createdAt: '2026-11-29T10:00:00.000Z',
  dueAt: '2026-11-30T17:00:00.000Z',
  status: 'new',
  report: asb,
  expiresAt: 2_000_000_000,
} as unknown as StoredReport;
const marker = { hash: 'h', requestHash: 'r', expiresAt: 2_000_000_000 };

describe('a report whose transaction answer was lost', () => {
  it('is answered as created when its idempotency marker names it', async () => {
    const store = createReportStore(
      clientWith(() => Promise.reject(lost()), { reference: 'ABCD2345', requestHash: 'r' }),
      't',
    );
    expect(await store.create(report, [], marker)).toEqual({ outcome: 'created' });
  });

  it('fails when nothing was written', async () => {
    const store = createReportStore(
      clientWith(() => Promise.reject(lost()), undefined),
      't',
    );
    await expect(store.create(report, [], marker)).rejects.toThrow('socket hang up');
  });
});

describe('a ballot whose transaction answer was lost', () => {
  const ballot = {
    pollId: 'p',
    voterId: 'v',
    counts: { a: 1 },
    followUps: {},
    ipHash: 'x',
    castAt: '2026-11-29T10:00:00.000Z',
    expiresAt: 1,
  };

  it("is answered as counted when it is there, with this ballot's own time", async () => {
    const store = createPollStore(
      clientWith(() => Promise.reject(lost()), { ...ballot, shard: 7 }),
      't',
    );
    expect(await store.castBallot(ballot, {})).toEqual({ outcome: 'counted', shard: 7 });
  });

  it('fails when it is not there', async () => {
    const store = createPollStore(
      clientWith(() => Promise.reject(lost()), undefined),
      't',
    );
    await expect(store.castBallot(ballot, {})).rejects.toThrow('socket hang up');
  });

  it('stops retrying conflicts once past its give-up time, so the answer comes before the function limit', async () => {
    const conflict = () =>
      Promise.reject(
        new TransactionCanceledException({
          message: 'conflict',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
        }),
      );
    const counter = { transacts: 0 };
    const store = createPollStore(clientWith(conflict, undefined, counter), 't', () => 0);
    await expect(store.castBallot(ballot, {}, { giveUpAt: Date.now() - 1 })).rejects.toThrow('conflict');
    expect(counter.transacts).toBe(1);
    const patient = { transacts: 0 };
    await expect(createPollStore(clientWith(conflict, undefined, patient), 't', () => 0).castBallot(ballot, {})).rejects.toThrow(
      'conflict',
    );
    expect(patient.transacts).toBe(8);
  });
});
