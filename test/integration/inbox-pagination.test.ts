/**
 * The inbox's index queries over 1,000 reports in DynamoDB Local: every page in order,
 * newest first, nothing skipped or repeated, filters and date ranges exact, a partner
 * sees only its own reports, and a cursor cannot be reused to widen what is seen.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { testDynamoDb, type TestDynamoDb } from '../support/dynamodb';
import { ensureReportsTable } from '../../infra/local/create-tables';
import { createCaseStore } from '../../functions/adapters/dynamodb/case-store';
import type { CaseStore } from '../../functions/reports/ports';
import type { InboxScope } from '../../functions/reports/inbox';
import type { InboxFilters } from '../../functions/reports/inbox';
import type { CaseSummary } from '../../functions/reports/records';
import { defaultProfile } from '../../shared/config/load-profile';
import { seedReports, seededReport } from '../support/seed-reports';

const COUNT = 1000;
const profile = defaultProfile();
const all = Array.from({ length: COUNT }, (_, i) => seededReport(i, profile));
let dynamo: TestDynamoDb;
let cases: CaseStore;
const now = new Date('2026-11-22T12:00:00Z');

beforeAll(async () => {
  dynamo = await testDynamoDb();
  const client = localDynamoClient(dynamo.endpoint);
  const table = dynamo.table('inbox');
  await ensureReportsTable(client, table);
  await seedReports(client, table, profile, 0, COUNT);
  cases = createCaseStore(client, table);
}, 120_000);
afterAll(async () => dynamo?.release());

async function everyPage(scope: InboxScope, filters: InboxFilters, limit = 50): Promise<{ items: CaseSummary[]; pages: number }> {
  const items: CaseSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await cases.listInbox(scope, filters, limit, cursor, now);
    if (page === 'bad-cursor') throw new Error('bad cursor');
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.cursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

const newestFirst = (list: { createdAt: string; reference: string }[]) =>
  [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((r) => r.reference);

describe('the unfiltered inbox with cases folded', () => {
  it("lists each report not folded behind its case's row exactly once, in order, across pages; a filter lists them all", async () => {
    const client = localDynamoClient(dynamo.endpoint);
    const table = dynamo.table('folded');
    await ensureReportsTable(client, table);
    const reports = all.slice(0, 120);
    await seedReports(client, table, profile, 0, reports.length);
    // Every third report folded behind another, as linking leaves the listings.
    const folded = new Set(reports.filter((_, i) => i % 3 === 1).map((r) => r.reference));
    for (const reference of folded)
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: marshall(keys.listing(reference, 'ALL')),
          UpdateExpression: 'SET caseId = :c, caseFolded = :t',
          ExpressionAttributeValues: marshall({ ':c': 'a-case', ':t': 'true' }),
        }),
      );
    const store = createCaseStore(client, table);
    const pages = async (filters: InboxFilters) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listInbox({ kind: 'all' }, filters, 7, cursor, now);
        if (page === 'bad-cursor') throw new Error('bad cursor');
        seen.push(...page.items.map((i) => i.reference));
        cursor = page.cursor;
      } while (cursor);
      return seen;
    };
    expect(await pages({})).toEqual(newestFirst(reports.filter((r) => !folded.has(r.reference))));
    const triaged = reports.filter((r) => r.status === 'triaged');
    expect(await pages({ status: 'triaged' })).toEqual(newestFirst(triaged));
    expect(triaged.some((r) => folded.has(r.reference))).toBe(true);
  });
});

describe('inbox pagination on indexes', () => {
  it('pages through all 1,000 reports newest first, each exactly once, in full pages', async () => {
    const { items, pages } = await everyPage({ kind: 'all' }, {});
    expect(items.map((i) => i.reference)).toEqual(newestFirst(all));
    expect(pages).toBe(20);
  });

  it('filters by status on its index, and by ASB category on top of the type index', async () => {
    const triaged = await everyPage({ kind: 'all' }, { status: 'triaged' }, 37);
    expect(triaged.items.map((i) => i.reference)).toEqual(newestFirst(all.filter((r) => r.status === 'triaged')));
    const nuisance = await everyPage({ kind: 'all' }, { type: 'asb', category: 'nuisance' });
    expect(nuisance.items.map((i) => i.reference)).toEqual(newestFirst(all.filter((r) => r.report.asbCategory === 'nuisance')));
    const race = await everyPage({ kind: 'all' }, { motivation: 'race', area: 'oakridge' });
    expect(race.items.map((i) => i.reference)).toEqual(
      newestFirst(all.filter((r) => r.report.hateMotivations?.includes('race') && r.report.location.area === 'oakridge')),
    );
  });

  it('limits to a date range on the UK calendar', async () => {
    // Report i arrives i minutes after midnight on 1 January 2025: 1 January holds 0..999.
    const { items } = await everyPage({ kind: 'all' }, { from: '2025-01-01', to: '2025-01-01', status: 'closed' });
    expect(items).toHaveLength(all.filter((r) => r.status === 'closed').length);
    expect((await everyPage({ kind: 'all' }, { from: '2025-01-02' })).items).toHaveLength(0);
  });

  it('shows a partner only the reports routed to it, whatever filters it asks for', async () => {
    const scope: InboxScope = { kind: 'partner', partnerId: 'fire-rescue' };
    const { items } = await everyPage(scope, { status: 'new' });
    const expected = all.filter((r) => r.status === 'new' && r.routes.some((x) => x.partnerId === 'fire-rescue'));
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((i) => i.reference)).toEqual(newestFirst(expected));
  });

  it('refuses a cursor from another partition, so a partner cannot page into everyone else', async () => {
    const first = await cases.listInbox({ kind: 'all' }, {}, 10, undefined, now);
    if (first === 'bad-cursor') throw new Error('unexpected');
    expect(await cases.listInbox({ kind: 'partner', partnerId: 'police' }, {}, 10, first.cursor, now)).toBe('bad-cursor');
    expect(await cases.listInbox({ kind: 'all' }, {}, 10, 'not-a-cursor', now)).toBe('bad-cursor');
  });

  it('rebuilds the status counters from the listings (the seed wrote none), for every scope and day range', async () => {
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total(await cases.countByStatus({ kind: 'all' }, {}))).toBe(0);
    expect(await cases.recountStatus(profile.partners.map((p) => p.id))).toBeGreaterThan(0);
    expect(await cases.countByStatus({ kind: 'all' }, {})).toEqual({
      new: 200,
      triaged: 200,
      assigned: 200,
      'in-progress': 200,
      closed: 200,
    });
    const police = await cases.countByStatus({ kind: 'partner', partnerId: 'police' }, {});
    expect(total(police)).toBe(all.filter((r) => r.routes.some((x) => x.partnerId === 'police')).length);
    // Seeded reports arrive a minute apart from 1 January 2025: the UK days 1 and 2 January hold 1,000 of them.
    const firstDay = await cases.countByStatus({ kind: 'all' }, { from: '2025-01-01', to: '2025-01-01' });
    expect(total(firstDay)).toBe(all.filter((r) => r.createdAt < '2025-01-02T00:00:00Z').length);
    expect(total(await cases.countByStatus({ kind: 'all' }, { from: '2025-01-02' }))).toBe(COUNT - total(firstDay));
    expect(total(await cases.countByStatus({ kind: 'all' }, { to: '2024-12-31' }))).toBe(0);
    // A second recount changes nothing.
    await cases.recountStatus(profile.partners.map((p) => p.id));
    expect(total(await cases.countByStatus({ kind: 'all' }, {}))).toBe(COUNT);
  });
});
