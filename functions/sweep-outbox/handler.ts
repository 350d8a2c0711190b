/**
 * The sweeper: runs on a schedule and re-sends outbox entries still pending (email was
 * down, the stream gave up, a Lambda timed out). Reads only the entries that are due from
 * the sparse `outbox-pending` index, so its cost grows with the due backlog, not the table.
 */
import type { DeliverDependencies } from '../route-report/deliver';
import { deliver } from '../route-report/deliver';
import { runtimeDependencies } from '../route-report/handler';
import { logger } from '../adapters/logging/logger';
import { publishOldestPendingAge } from '../adapters/metrics/metrics';

const PAGE = 50;

export interface SweepSummary {
  examined: number;
  sent: number;
  pending: number;
  failed: number;
  /** How long the oldest entry still unsent after this sweep has waited (0 if none). */
  oldestPendingSeconds: number;
}

export async function sweepOutbox(deps: DeliverDependencies): Promise<SweepSummary> {
  const summary: SweepSummary = { examined: 0, sent: 0, pending: 0, failed: 0, oldestPendingSeconds: 0 };
  for (const entry of await deps.store.listDue(deps.now().toISOString(), PAGE)) {
    summary.examined++;
    const outcome = await deliver(deps, entry.reference, entry.targetId);
    if (outcome === 'sent') summary.sent++;
    else if (outcome === 'failed') summary.failed++;
    else if (outcome === 'retry-later') summary.pending++;
  }
  // Measured after the sweep: what is still waiting is what an alarm should see.
  const oldest = await deps.store.oldestPendingCreatedAt();
  summary.oldestPendingSeconds = oldest ? Math.max(0, Math.round((deps.now().getTime() - Date.parse(oldest)) / 1000)) : 0;
  if (summary.examined > 0 || summary.oldestPendingSeconds > 0) logger.info('Outbox sweep', { ...summary });
  return summary;
}

export const handler = async () => {
  const summary = await sweepOutbox(runtimeDependencies());
  // Published on every run, so a missing data point means the sweeper itself stopped.
  publishOldestPendingAge(summary.oldestPendingSeconds);
  return summary;
};
