/**
 * Scheduled: finalises every poll that has closed, recomputing its online totals from
 * the ballots (functions/polls/finalise-poll.ts). A mismatch with the live counters is
 * logged as an error (poll ids only, no personal data) and counted in a metric that the
 * PollCountMismatch alarm watches.
 */
import { finalisePoll } from '../polls/finalise-poll';
import { pollDependencies } from '../polls/dependencies';

export async function handler(): Promise<{ finalised: string[]; mismatched: string[] }> {
  const deps = pollDependencies();
  const finalised: string[] = [];
  const mismatched: string[] = [];
  for (const { poll } of await deps.polls.list()) {
    const result = await finalisePoll(deps, poll);
    if (result.outcome !== 'finalised') continue;
    finalised.push(poll.id);
    if (!result.final.matched) mismatched.push(poll.id);
  }
  if (finalised.length) {
    const { logger } = await import('../adapters/logging/logger');
    logger.info('Polls finalised', { finalised });
    if (mismatched.length) logger.error('Poll counters did not match the ballots; the recomputed totals were published', { mismatched });
    const { publishPollCountMismatches } = await import('../adapters/metrics/metrics');
    publishPollCountMismatches(mismatched.length);
  }
  return { finalised, mismatched };
}
