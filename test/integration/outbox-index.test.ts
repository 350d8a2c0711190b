/**
 * The sweeper's view of the outbox, on DynamoDB Local: only entries that are due, longest
 * overdue first, however many are still backing off; sent and failed entries leave it.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import type { ReportStore } from '../../functions/reports/ports';
import type { OutboxEntry, StoredReport } from '../../functions/reports/records';
import { ensureReportsTable } from '../../infra/local/create-tables';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { testDynamoDb, type TestDynamoDb } from '../support/dynamodb';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };
import type { Report } from '../../shared/contracts/report';

let dynamo: TestDynamoDb;
let store: ReportStore;
const T0 = Date.parse('2026-11-22T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

beforeAll(async () => {
  dynamo = await testDynamoDb();
});
// A table for each test: what the sweeper lists is every due entry in the table, so one
// test's entries must never be in another's list, whichever runs first.
let tables = 0;
beforeEach(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  const table = dynamo.table(`outbox-index-${++tables}`);
  await ensureReportsTable(client, table);
  store = createReportStore(client, table);
});
afterAll(async () => dynamo?.release());

async function addReport(reference: string, nextAttemptAt: string): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    reference,
    targetId: 'council-asb-team',
    target: { kind: 'partner', partnerId: 'council-asb-team', dataLevel: 'full' },
    createdAt: at(0),
    state: 'pending',
    attempts: 0,
    nextAttemptAt,
    expiresAt: 1,
  };
  const report: StoredReport = {
    reference,
    status: 'new',
    version: 1,
    dueAt: at(0),
    createdAt: at(0),
    report: asb as Report,
    routes: [],
    deliveries: { 'council-asb-team': { state: 'pending', attempts: 0 } },
    expiresAt: 1,
  };
  expect(await store.create(report, [entry], { hash: reference, requestHash: reference, expiresAt: 1 })).toEqual({ outcome: 'created' });
  return entry;
}

it('finds due entries behind any number still backing off, and drops entries that are no longer pending', async () => {
  // 60 entries backing off until minute 60 would have filled a page of 50 "oldest first".
  for (let i = 0; i < 60; i++) await addReport(`LATE${String(i).padStart(4, '0')}`, at(60));
  const due = await addReport('DUE22222', at(5));
  const dueSooner = await addReport('DUE33333', at(2));

  expect((await store.listDue(at(10), 50)).map((e) => e.reference)).toEqual(['DUE33333', 'DUE22222']);

  expect(await store.recordDelivery(dueSooner, { state: 'sent', attempts: 1, lastAttemptAt: at(10), messageId: 'm' })).toBe(true);
  expect(
    await store.recordDelivery(due, { state: 'failed', attempts: 1, lastAttemptAt: at(10), lastError: 'No address for this recipient' }),
  ).toBe(true);
  expect(await store.listDue(at(10), 50)).toEqual([]);
  expect(await store.listDue(at(61), 100)).toHaveLength(60);
});

it('lets exactly one of two racing senders claim an entry, hides it from the sweeper for the lease, and records only under the claim', async () => {
  const entry = await addReport('CLAIM2222', at(1));
  const results = await Promise.all([store.claim(entry, 'router', at(2), at(4)), store.claim(entry, 'sweeper', at(2), at(4))]);
  expect(results.filter(Boolean)).toHaveLength(1);
  const holder = results[0] ? 'router' : 'sweeper';
  const other = holder === 'router' ? 'sweeper' : 'router';
  // Within the lease the entry is not due, and nobody else can take it.
  expect((await store.listDue(at(3), 100)).map((e) => e.reference)).not.toContain('CLAIM2222');
  expect(await store.claim(entry, 'third', at(3), at(5))).toBe(false);
  // The loser cannot record a result over the holder's claim.
  expect(await store.recordDelivery(entry, { state: 'sent', attempts: 1, lastAttemptAt: at(3), messageId: 'x' }, other)).toBe(false);
  expect(await store.recordDelivery(entry, { state: 'sent', attempts: 1, lastAttemptAt: at(3), messageId: 'm' }, holder)).toBe(true);
  const recorded = await store.getOutbox('CLAIM2222', 'council-asb-team');
  expect(recorded).toMatchObject({ state: 'sent', messageId: 'm' });
  expect(recorded?.claimId).toBeUndefined();

  // An expired claim (a sender that died) can be taken over.
  const orphan = await addReport('CLAIM3333', at(1));
  expect(await store.claim(orphan, 'died', at(2), at(4))).toBe(true);
  expect(await store.claim(orphan, 'next', at(5), at(7))).toBe(true);
});
