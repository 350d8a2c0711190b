/**
 * Rules about poll definitions that both the pack import and the workspace apply: where a
 * definition stands, which fields differ between two versions, and which of them a
 * counted ballot or tally locks.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Poll } from '../../shared/contracts/poll';
import { pollState } from '../../shared/domain/poll-rules';
import type { PollRecord } from './ports';

/** What a ballot was counted against: none of it may change once a ballot is counted. */
export const LOCKED_FIELDS: ReadonlySet<string> = new Set(['question', 'type', 'tokens', 'options', 'eligibility', 'results', 'followUps']);

/** The top-level fields of a poll that differ between two versions. */
export function changedFields(before: Poll, after: Poll): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Poll>;
  return [...fields].filter((field) => !isDeepStrictEqual(before[field], after[field]));
}

/** A draft, or (once published) coming up, open or closed by its times. */
export const recordState = (record: PollRecord, now: Date) =>
  record.status === 'draft' ? ('draft' as const) : pollState(record.poll, now);
