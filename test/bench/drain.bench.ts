/**
 * Backlog drain: 5,000 emails left pending by an SES outage, then SES comes back. The
 * sweeper runs on its AWS schedule (a run every minute, each sending for up to 50 s)
 * against DynamoDB Local and SES local (which reports a 14-a-second account, as a new
 * production SES account has), while a late stream router tries the same entries from
 * the other end. Measures minutes until nothing is pending, the fastest second of
 * sending against the account's rate, and emails sent more than once.
 */
import { freePort } from '../../infra/local/ports';
import { ensureReportsTable } from '../../infra/local/create-tables';
import { localDynamoClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { LOCAL_SES_SEND_RATE, startSesLocal } from '../../infra/local/ses-local';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import { pendingEntry, type StoredReport } from '../../functions/reports/records';
import { routeReport } from '../../shared/domain/routing';
import { defaultProfile } from '../../shared/config/load-profile';
import type { Report } from '../../shared/contracts/report';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };
import { runConcurrently } from './stats';

/**
 * How often the simulated stream router retries during the drain. A real pacing, not a
 * wait for a condition: the benchmark measures a sweeper that shares SES with a router
 * retrying about once a second, as Lambda's stream retries do.
 */
const STREAM_RETRY_INTERVAL_MS = 1_000;

export interface DrainFigures {
  pendingAtStart: number;
  minutesToEmpty: number;
  sweeperRuns: number;
  accountRatePerSecond: number;
  peakSendsInOneSecond: number;
  duplicatesSent: number;
  sentButNotRecorded: number;
  throttled: number;
}

export async function benchDrain(total = 5000, log = console.log): Promise<DrainFigures> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const ses = await startSesLocal({ port: await freePort() });
  const client = localDynamoClient(dynamo.endpoint);
  const table = 'drain-bench';
  await ensureReportsTable(client, table);
  Object.assign(process.env, {
    TABLE_NAME: table,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.url,
    LOCAL_MODE: 'true',
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  try {
    const store = createReportStore(client, table);
    const profile = defaultProfile();
    const report = asb as unknown as Report;
    const routes = routeReport(report, profile.partners);
    const reports = Math.ceil(total / routes.length);
    const created = new Date(Date.now() - 3_600_000).toISOString();
    log(`  ${reports} reports with ${routes.length} emails each, left pending by the outage (not timed)…`);
    await runConcurrently(reports, 8, async (i) => {
      const reference = `D${String(i).padStart(7, '0')}`;
      const stored: StoredReport = {
        reference,
        status: 'new',
        version: 1,
        createdAt: created,
        dueAt: created,
        report,
        routes,
        deliveries: {},
        expiresAt: 2_000_000_000,
      };
      // Three attempts already failed during the outage, and each is due again now.
      const outbox = routes.map((r) => ({
        ...pendingEntry(stored, { kind: 'partner', partnerId: r.partnerId, dataLevel: r.dataLevel }, new Date(created)),
        attempts: 3,
        lastError: 'Email service unavailable',
        nextAttemptAt: created,
      }));
      await store.create(stored, outbox, { hash: reference, requestHash: reference, expiresAt: 2_000_000_000 });
    });
    const pendingAtStart = reports * routes.length;

    const { runtimeDependencies } = await import('../../functions/reports/delivery-dependencies');
    const { sweepOutbox, SWEEP_BUDGET_MS } = await import('../../functions/sweep-outbox/handler');
    const { deliver } = await import('../../functions/reports/deliver');
    const base = runtimeDependencies();
    const sendTimes: number[] = [];
    let sentButNotRecorded = 0;
    const deps = {
      ...base,
      mailer: {
        sendRate: () => base.mailer.sendRate(),
        send: async (email: Parameters<typeof base.mailer.send>[0]) => {
          sendTimes.push(Date.now());
          return base.mailer.send(email);
        },
      },
      store: {
        ...base.store,
        recordDelivery: (...args: Parameters<typeof base.store.recordDelivery>) =>
          base.store.recordDelivery(...args).catch((error: Error) => {
            if (args[1].state === 'sent') sentButNotRecorded++;
            throw error;
          }),
      },
    };

    log(`  SES is back: sweeper runs every minute (${SWEEP_BUDGET_MS / 1000} s each) while a late router works from the other end…`);
    const started = Date.now();
    let runs = 0;
    let throttled = 0;
    let lateRouterDone = false;
    // The late router: the stream's retries reaching the newest entries while the sweeper starts from the oldest.
    const lateRouter = (async () => {
      for (let i = reports - 1; i >= reports - 200 && !lateRouterDone; i--) {
        await deliver(deps, `D${String(i).padStart(7, '0')}`, routes[0]!.partnerId);
        await new Promise((r) => setTimeout(r, STREAM_RETRY_INTERVAL_MS));
      }
    })();
    while ((await store.oldestPendingCreatedAt()) !== undefined) {
      const runStarted = Date.now();
      runs++;
      const summary = await sweepOutbox(deps);
      throttled += summary.throttled;
      log(`    run ${runs}: ${summary.sent} sent at up to ${summary.rate.toFixed(1)} a second, ${summary.errors} errors`);
      if ((await store.oldestPendingCreatedAt()) === undefined) break;
      await new Promise((r) => setTimeout(r, Math.max(0, 60_000 - (Date.now() - runStarted))));
    }
    const minutesToEmpty = (Date.now() - started) / 60_000;
    lateRouterDone = true;
    await lateRouter;

    const emails = ((await (await fetch(`${ses.url}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] })
      .emails;
    const seen = new Map<string, number>();
    for (const e of emails) seen.set(`${e.subject}|${e.destination.to[0]}`, (seen.get(`${e.subject}|${e.destination.to[0]}`) ?? 0) + 1);
    const duplicatesSent = [...seen.values()].reduce((n, count) => n + count - 1, 0);
    const peakSendsInOneSecond = Math.max(...sendTimes.map((t) => sendTimes.filter((x) => x >= t && x < t + 1000).length));
    return {
      pendingAtStart,
      minutesToEmpty,
      sweeperRuns: runs,
      accountRatePerSecond: LOCAL_SES_SEND_RATE,
      peakSendsInOneSecond,
      duplicatesSent,
      sentButNotRecorded,
      throttled,
    };
  } finally {
    client.destroy();
    await ses.stop();
    await dynamo.stop();
  }
}
