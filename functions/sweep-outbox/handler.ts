/**
 * The sweeper: runs on a schedule and re-sends outbox entries still pending (email was
 * down, the stream gave up, a Lambda timed out). Reads the sparse `outbox-pending`
 * index, so its cost grows with the backlog, not with the table.
 */
import type { DeliverDependencies } from '../route-report/deliver';
import { deliver } from '../route-report/deliver';
import { runtimeDependencies } from '../route-report/handler';
import { logger } from '../adapters/logging/logger';

/** Entries younger than this are left to the stream router, which is already on them. */
export const SWEEP_GRACE_MS = 60_000;
const PAGE = 50;

export interface SweepSummary {
  examined: number;
  sent: number;
  pending: number;
  failed: number;
}

export async function sweepOutbox(deps: DeliverDependencies, graceMs = SWEEP_GRACE_MS): Promise<SweepSummary> {
  const now = deps.now();
  const summary: SweepSummary = { examined: 0, sent: 0, pending: 0, failed: 0 };
  const entries = await deps.store.listPending(new Date(now.getTime() - graceMs).toISOString(), PAGE);
  for (const entry of entries) {
    if (entry.nextAttemptAt && entry.nextAttemptAt > now.toISOString()) continue;
    summary.examined++;
    const outcome = await deliver(deps, entry.reference, entry.targetId);
    if (outcome === 'sent') summary.sent++;
    else if (outcome === 'failed') summary.failed++;
    else if (outcome === 'retry-later') summary.pending++;
  }
  if (summary.examined > 0) logger.info('Outbox sweep', { ...summary });
  return summary;
}

export const handler = () => sweepOutbox(runtimeDependencies());
