/**
 * At most one sender holds an outbox entry: the stream router running late and the
 * sweeper both read an entry as pending, but only the one that claims it sends. Driven
 * with a DynamoDB stream event as Lambda delivers it; the store fake keeps the adapter's
 * conditions (a use-case test: DynamoDB's own behaviour is covered in integration).
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { handleStream } from '../../functions/route-report/handler';
import type { RouterDependencies } from '../../functions/reports/delivery-dependencies';
import { sweepOutbox } from '../../functions/sweep-outbox/handler';
import type { ReportStore } from '../../functions/reports/ports';
import { CLAIM_LEASE_MS, type OutboxEntry, type StoredReport } from '../../functions/reports/records';
import { defaultProfile } from '../../shared/config/load-profile';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

const now = new Date('2026-11-29T10:05:00Z');
const entry: OutboxEntry = {
  reference: 'ABCD2345',
  targetId: 'council-asb-team',
  target: { kind: 'partner', partnerId: 'council-asb-team', dataLevel: 'full' },
  createdAt: '2026-11-29T10:00:00.000Z',
  state: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-11-29T10:01:00.000Z',
  expiresAt: 1,
};
const report = {
  reference: 'ABCD2345',
  status: 'new',
  version: 1,
  createdAt: entry.createdAt,
  dueAt: entry.createdAt,
  report: asb,
  routes: [{ partnerId: 'council-asb-team', dataLevel: 'full' }],
  deliveries: {},
  expiresAt: 1,
} as unknown as StoredReport;

/** The outbox item with the adapter's conditions; every read is a copy, as from the table. */
function fakeStore(recordFails = false) {
  let item: OutboxEntry = { ...entry };
  const store: Partial<ReportStore> = {
    getOutbox: async () => ({ ...item }),
    get: async () => report,
    listDue: async (at) => (item.state === 'pending' && item.nextAttemptAt! <= at ? [{ ...item }] : []),
    claim: async (read, claimId, at, until) => {
      // Both readers got here before either wrote: the condition decides.
      await new Promise((r) => setImmediate(r));
      if (item.state !== 'pending' || item.attempts !== read.attempts || (item.claimedUntil && item.claimedUntil > at)) return false;
      item = { ...item, claimId, claimedUntil: until, nextAttemptAt: until };
      return true;
    },
    recordDelivery: async (read, delivery, claimId) => {
      if (recordFails) throw Object.assign(new Error('DynamoDB unavailable'), { name: 'InternalServerError' });
      if (item.state === 'sent' || item.attempts !== read.attempts || (claimId && item.claimId !== claimId)) return false;
      const { claimId: _c, claimedUntil: _u, ...rest } = item;
      item = { ...rest, ...delivery };
      return true;
    },
    oldestPendingCreatedAt: async () => undefined,
  };
  return { store: store as ReportStore, current: () => item };
}

function deps(store: ReportStore, clock: () => Date = () => now) {
  const sent: string[] = [];
  const d: RouterDependencies = {
    store,
    reviews: { get: async () => undefined },
    mailer: {
      send: async (email: { to: string }) => {
        sent.push(email.to);
        return `m-${sent.length}`;
      },
      sendRate: async () => 10,
    },
    profile: defaultProfile(),
    partners: async () => defaultProfile().partners,
    now: clock,
    siteUrl: 'https://reports.example.org',
    linkSecret: async () => 'test-link-key',
  } as unknown as RouterDependencies;
  return { deps: d, sent };
}

const streamEvent: DynamoDBStreamEvent = {
  Records: [
    {
      eventID: '1',
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-2',
      dynamodb: {
        SequenceNumber: '100',
        NewImage: marshall({ pk: 'REPORT#ABCD2345', sk: 'OUTBOX#council-asb-team', entity: 'outbox', ...entry }) as never,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    },
  ],
};

describe('claiming an outbox entry before sending', () => {
  it('sends once when the late router and the sweeper race for the same entry', async () => {
    const { store, current } = fakeStore();
    const { deps: d, sent } = deps(store);
    const [routed] = await Promise.all([handleStream(d, streamEvent), sweepOutbox(d)]);
    expect(sent).toHaveLength(1);
    expect(routed.batchItemFailures).toEqual([]);
    expect(current()).toMatchObject({ state: 'sent', attempts: 1 });
    expect(current().claimId).toBeUndefined();
  });

  it('leaves an entry whose sending was not recorded to be sent again only after the lease', async () => {
    const { store, current } = fakeStore(true);
    const { deps: d, sent } = deps(store);
    await expect(handleStream(d, streamEvent)).rejects.toThrow(/failed/);
    expect(sent).toHaveLength(1);
    expect(current().claimedUntil! > now.toISOString()).toBe(true);
    // Within the lease nobody sends again, not even the router's retry.
    await expect(handleStream(d, streamEvent)).resolves.toEqual({ batchItemFailures: [] });
    await sweepOutbox(d);
    expect(sent).toHaveLength(1);
    // After it, the sweeper sends again: the one case where an email can go out twice.
    const afterLease = deps(store, () => new Date(now.getTime() + CLAIM_LEASE_MS + 1000));
    await sweepOutbox(afterLease.deps).catch(() => undefined);
    expect(afterLease.sent).toHaveLength(1);
  });
});
