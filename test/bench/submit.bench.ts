/**
 * Report submission through the local HTTP server (2,000 reports, 16 concurrent
 * clients) against the floor: the same transaction (marker, report, listings, outbox,
 * status counters) written straight to DynamoDB Local by the report store itself, same
 * concurrency, same run; the ratio is what HTTP, validation and routing add.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { startTestStack } from '../support/local-stack';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import { pendingEntry, type StoredReport } from '../../functions/reports/records';
import { routeReport } from '../../shared/domain/routing';
import { defaultProfile } from '../../shared/config/load-profile';
import type { Report } from '../../shared/contracts/report';
import { median, percentile, runConcurrently } from './stats';
import report from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

export interface SubmitFigures {
  reports: number;
  concurrency: number;
  submitP50Ms: number;
  submitP99Ms: number;
  reportsPerSecond: number;
  bareP50Ms: number;
  bareP99Ms: number;
  ratioP50: number;
  errors: number;
}

export async function benchSubmit(total = 2000, concurrency = 16, log = console.log): Promise<SubmitFigures> {
  const stack = await startTestStack();
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const client = localDynamoClient(stack.dynamoDbEndpoint);
  try {
    let errors = 0;
    const submit = async (i: number) => {
      const res = await undiciFetch(`${stack.url}/api/reports`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...report, description: `${report.description} #${i}-${Math.random()}` }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) errors++;
    };
    // The items the submit path writes for this fixture, through the store's own create.
    const store = createReportStore(client, stack.tableName);
    const routes = routeReport(report as unknown as Report, defaultProfile().partners);
    const bare = async (i: number) => {
      const reference = `B${i.toString().padStart(7, '0')}`;
      const createdAt = new Date().toISOString();
      const stored: StoredReport = {
        reference,
        status: 'new',
        version: 1,
        createdAt,
        dueAt: createdAt,
        report: report as unknown as Report,
        routes,
        deliveries: {},
        expiresAt: 2_000_000_000,
      };
      const outbox = routes.map((r) =>
        pendingEntry(stored, { kind: 'partner', partnerId: r.partnerId, dataLevel: r.dataLevel }, new Date(createdAt)),
      );
      const marker = `bench-${i}-${Math.random()}`;
      await store.create(stored, outbox, { hash: marker, requestHash: marker, expiresAt: 2_000_000_000 });
    };
    log(`  warming up…`);
    await runConcurrently(100, concurrency, (i) => submit(-1 - i));
    await runConcurrently(100, concurrency, (i) => bare(1_000_000 + i));
    // Interleave halves so drift on a shared machine hits both sides alike.
    const half = total / 2;
    log(`  bare TransactWriteItems ×${half}…`);
    const bare1 = await runConcurrently(half, concurrency, bare);
    log(`  POST /api/reports ×${half}…`);
    const sub1 = await runConcurrently(half, concurrency, submit);
    log(`  bare TransactWriteItems ×${half}…`);
    const bare2 = await runConcurrently(half, concurrency, (i) => bare(half + i));
    log(`  POST /api/reports ×${half}…`);
    const sub2 = await runConcurrently(half, concurrency, (i) => submit(half + i));
    const submitLat = [...sub1.latencies, ...sub2.latencies];
    const bareLat = [...bare1.latencies, ...bare2.latencies];
    return {
      reports: total,
      concurrency,
      submitP50Ms: median(submitLat),
      submitP99Ms: percentile(submitLat, 99),
      reportsPerSecond: total / (sub1.seconds + sub2.seconds),
      bareP50Ms: median(bareLat),
      bareP99Ms: percentile(bareLat, 99),
      ratioP50: median(submitLat) / median(bareLat),
      errors,
    };
  } finally {
    await agent.close();
    client.destroy();
    await stack.stop();
  }
}
