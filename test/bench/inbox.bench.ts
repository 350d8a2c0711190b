/**
 * The inbox at scale: 100,000 reports in DynamoDB Local, then the first inbox page (50
 * items, one filter; and unfiltered, with cases folded) through the case store's index
 * query, against GetItem of one report in the same run as the floor. Runs alternate inbox/GetItem so drift hits both.
 */
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { ensureReportsTable } from '../../infra/local/create-tables';
import { localDynamoClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';
import { defaultProfile } from '../../shared/config/load-profile';
import { seedReports, seededReference } from '../support/seed-reports';
import { percentile } from './stats';

export interface InboxFigures {
  reports: number;
  seedSeconds: number;
  inboxP50Ms: number;
  inboxP95Ms: number;
  getItemP50Ms: number;
  getItemP95Ms: number;
  ratioP95: number;
  countsP50Ms: number;
  countsP95Ms: number;
  /** Counts p95 against GetItem p95, interleaved in the same run. */
  countsRatioP95: number;
  /** The repair: rebuilding every counter from 100,000 reports' listings. */
  recountSeconds: number;
  /** The unfiltered first page, with one in four of the newest reports folded into cases. */
  foldedP50Ms: number;
  foldedP95Ms: number;
  foldedRatioP95: number;
}

/** Newest reports folded behind their case's row (one in four of the newest `count`), as linking leaves them. */
const FOLDED_EVERY = 4;

export async function benchInbox(reports = 100_000, runs = 300): Promise<InboxFigures> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  try {
    const client = localDynamoClient(dynamo.endpoint);
    const table = 'inbox-bench';
    await ensureReportsTable(client, table);
    const profile = defaultProfile();
    const started = performance.now();
    await seedReports(client, table, profile, 0, reports, {
      parallel: 24,
      onProgress: (items) => process.stdout.write(`\r  loading: ${items.toLocaleString('en-GB')} items written…`),
    });
    const seedSeconds = (performance.now() - started) / 1000;
    console.log(`\r  loaded ${reports.toLocaleString('en-GB')} reports in ${seedSeconds.toFixed(0)} s`);
    const cases = createCaseStore(client, table);
    const now = new Date();
    const inbox: number[] = [];
    const getItem: number[] = [];
    const time = async (list: number[], work: () => Promise<unknown>) => {
      const t = performance.now();
      await work();
      list.push(performance.now() - t);
    };
    // Warm both paths (connections, JIT) before measuring.
    for (let i = 0; i < 20; i++) {
      await cases.listInbox({ kind: 'all' }, { status: 'new' }, 50, undefined, now);
      await client.send(new GetItemCommand({ TableName: table, Key: marshall(keys.report(seededReference(i))) }));
    }
    for (let i = 0; i < runs; i++) {
      await time(inbox, async () => {
        const page = await cases.listInbox({ kind: 'all' }, { status: 'new' }, 50, undefined, now);
        if (page === 'bad-cursor' || page.items.length !== 50) throw new Error('The inbox page was not full');
      });
      await time(getItem, () =>
        client.send(
          new GetItemCommand({ TableName: table, Key: marshall(keys.report(seededReference((i * 7919) % reports))), ConsistentRead: true }),
        ),
      );
    }
    // The officers' default view: no filter, so cases are folded. One in four of the newest
    // reports is folded into a case, so the page reads past them to fill itself.
    for (let i = reports - 1; i >= reports - 2_000; i -= FOLDED_EVERY)
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: marshall(keys.listing(seededReference(i), 'ALL')),
          UpdateExpression: 'SET caseId = :c, caseFolded = :t',
          ExpressionAttributeValues: marshall({ ':c': `case-${i}`, ':t': 'true' }),
        }),
      );
    const folded: number[] = [];
    const foldedFloor: number[] = [];
    for (let i = 0; i < runs; i++) {
      await time(folded, async () => {
        const page = await cases.listInbox({ kind: 'all' }, {}, 50, undefined, now);
        if (page === 'bad-cursor' || page.items.length !== 50 || page.items.some((r) => r.caseId))
          throw new Error('The unfiltered page was not 50 unfolded reports');
      });
      await time(foldedFloor, () =>
        client.send(
          new GetItemCommand({ TableName: table, Key: marshall(keys.report(seededReference((i * 7907) % reports))), ConsistentRead: true }),
        ),
      );
    }
    // The seed writes reports and listings only: the counters come from the repair path.
    const recountStarted = performance.now();
    await cases.recountStatus(profile.partners.map((p) => p.id));
    const recountSeconds = (performance.now() - recountStarted) / 1000;
    const counts: number[] = [];
    const countsFloor: number[] = [];
    for (let i = 0; i < runs; i++) {
      await time(counts, async () => {
        const c = await cases.countByStatus({ kind: 'all' }, {});
        if (Object.values(c).reduce((a, b) => a + b, 0) !== reports) throw new Error('The counts do not add up to the reports loaded');
      });
      await time(countsFloor, () =>
        client.send(
          new GetItemCommand({
            TableName: table,
            Key: marshall(keys.report(seededReference((i * 104_729) % reports))),
            ConsistentRead: true,
          }),
        ),
      );
    }
    client.destroy();
    const inboxP95Ms = percentile(inbox, 95);
    const getItemP95Ms = percentile(getItem, 95);
    const countsP95Ms = percentile(counts, 95);
    return {
      reports,
      seedSeconds,
      inboxP50Ms: percentile(inbox, 50),
      inboxP95Ms,
      getItemP50Ms: percentile(getItem, 50),
      getItemP95Ms,
      ratioP95: inboxP95Ms / getItemP95Ms,
      countsP50Ms: percentile(counts, 50),
      countsP95Ms,
      countsRatioP95: countsP95Ms / percentile(countsFloor, 95),
      recountSeconds,
      foldedP50Ms: percentile(folded, 50),
      foldedP95Ms: percentile(folded, 95),
      foldedRatioP95: percentile(folded, 95) / percentile(foldedFloor, 95),
    };
  } finally {
    await dynamo.stop();
  }
}
