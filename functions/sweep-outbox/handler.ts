/**
 * The sweeper: runs every minute and sends outbox entries still pending (email was down,
 * the stream gave up, a Lambda timed out). Reads only the entries that are due from the
 * sparse `outbox-pending` index, so its cost grows with the due backlog, not the table.
 * After an outage it keeps sending for most of its run, paced to the SES account's send
 * rate, so a backlog of thousands drains in minutes without being throttled.
 */
import type { Context } from 'aws-lambda';
import type { DeliverDependencies } from '../reports/deliver';
import { deliver } from '../reports/deliver';
import { runtimeDependencies } from '../reports/delivery-dependencies';
import { logger } from '../adapters/logging/logger';
import { publishOldestPendingAge } from '../adapters/metrics/metrics';
import { FALLBACK_SEND_RATE } from '../adapters/ses/mailer';
import { createPacer } from './pacer';

/** How long one run keeps sending (the schedule starts one every minute; claims keep overlaps safe). */
export const SWEEP_BUDGET_MS = 55_000;
/** Left before the function's timeout when the run is cut short by it. */
const TIMEOUT_MARGIN_MS = 10_000;
const PAGE = 100;
/** The sweeper's share of the account's rate: the rest is for the router's new reports. */
export const SWEEPER_RATE_SHARE = 0.85;
/** Sends in flight at once: enough to keep up with the rate while each send waits on SES. */
const MAX_IN_FLIGHT = 16;

export interface SweepDependencies extends DeliverDependencies {
  /** A monotonic clock (ms) for the run's budget and pacing; injectable so tests move time. */
  monotonicMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SweepSummary {
  examined: number;
  sent: number;
  pending: number;
  failed: number;
  /** Sends SES refused for rate (each slowed the run down). */
  throttled: number;
  /** Entries whose attempt failed unexpectedly (e.g. the table was unreachable); they stay due. */
  errors: number;
  /** The emails per second the run allowed itself. */
  rate: number;
  /** How long the oldest entry still unsent after this sweep has waited (0 if none). */
  oldestPendingSeconds: number;
}

export async function sweepOutbox(deps: SweepDependencies, budgetMs = SWEEP_BUDGET_MS): Promise<SweepSummary> {
  const clock = deps.monotonicMs ?? (() => performance.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = clock();
  const inBudget = () => clock() - started < budgetMs;
  const pacer = createPacer(Math.max(FALLBACK_SEND_RATE, (await deps.mailer.sendRate()) * SWEEPER_RATE_SHARE), clock, sleep);
  const summary: SweepSummary = {
    examined: 0,
    sent: 0,
    pending: 0,
    failed: 0,
    throttled: 0,
    errors: 0,
    rate: pacer.rate,
    oldestPendingSeconds: 0,
  };

  while (inBudget()) {
    // Claimed entries leave the index (their next attempt moves to the lease's end), so
    // each page holds only what nobody is sending.
    const page = await deps.store.listDue(deps.now().toISOString(), PAGE);
    if (page.length === 0) break;
    let next = 0;
    let progressed = false;
    const worker = async () => {
      while (next < page.length && inBudget()) {
        const entry = page[next++]!;
        await pacer.wait();
        // Waiting for a slot can outlast the budget: the entry stays due for the next run.
        if (!inBudget()) break;
        // One entry's failure (its claim then lapses and it is tried again) never stops the rest.
        const outcome = await deliver(deps, entry.reference, entry.targetId).catch((error: Error) => {
          logger.error('Outbox entry not processed', { reference: entry.reference, target: entry.targetId, errorName: error.name });
          summary.errors++;
          return 'error' as const;
        });
        summary.examined++;
        if (outcome !== 'skipped') progressed = true;
        if (outcome === 'sent') summary.sent++;
        else if (outcome === 'failed') summary.failed++;
        else if (outcome === 'retry-later') summary.pending++;
        else if (outcome === 'throttled') {
          summary.throttled++;
          pacer.slowDown();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, Math.ceil(pacer.rate)) }, worker));
    // Everything on the page was taken by another sender: leave it to them.
    if (!progressed) break;
  }
  summary.rate = pacer.rate;
  // Measured after the sweep: what is still waiting is what an alarm should see.
  const oldest = await deps.store.oldestPendingCreatedAt();
  summary.oldestPendingSeconds = oldest ? Math.max(0, Math.round((deps.now().getTime() - Date.parse(oldest)) / 1000)) : 0;
  if (summary.examined > 0 || summary.oldestPendingSeconds > 0) logger.info('Outbox sweep', { ...summary });
  return summary;
}

export const handler = async (_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const budget = context ? Math.min(SWEEP_BUDGET_MS, context.getRemainingTimeInMillis() - TIMEOUT_MARGIN_MS) : SWEEP_BUDGET_MS;
  const summary = await sweepOutbox(runtimeDependencies(), budget);
  // Published on every run, so a missing data point means the sweeper itself stopped.
  publishOldestPendingAge(summary.oldestPendingSeconds);
  return summary;
};
