/**
 * Counts of reports per status, kept as counters rather than counted: one item per scope
 * (everything, or one partner) and UK day of receipt, holding a number per status. Every
 * write that creates a report or changes its status moves its count in the same
 * transaction, so the counts are exact; the inbox reads them with one Query whatever the
 * number of reports (a day range, or every day kept). The day items expire with the
 * reports of their day. `recount` rebuilds them from the listings, should they ever drift.
 *
 *   COUNTS#<scope> / DAY#<YYYY-MM-DD>   { new, triaged, assigned, in-progress, closed }
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { londonParts } from '../../../shared/contracts/london-time';
import { STATUSES, type Status } from '../../../shared/contracts/workflow-vocabulary';
import { ALL_LISTINGS, keys } from './table-definition';

export type Counts = Record<Status, number>;

export const zeroCounts = (): Counts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;

/** The UK day a report was received on (the day the inbox's date filters use). */
export function counterDay(createdAt: string): string {
  const { year, month, day } = londonParts(new Date(createdAt));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * When a day's counters expire: two days after the day itself, plus the retention its
 * reports carry (the same for every report of a day), so they go with those reports.
 */
export function counterExpiresAt(createdAt: string, reportExpiresAt: number): number {
  const retentionDays = Math.round((reportExpiresAt - Date.parse(createdAt) / 1000) / 86_400);
  return Date.parse(`${counterDay(createdAt)}T00:00:00Z`) / 1000 + (retentionDays + 2) * 86_400;
}

/** The counter scopes of a report: everybody's, and each partner it went to. */
export function scopesOf(partnerIds: readonly string[]): string[] {
  return [ALL_LISTINGS, ...partnerIds];
}

/**
 * Transaction items moving one report's count from `from` to `to` (either may be absent:
 * a new report, or a scope it leaves) in each scope.
 */
export function counterMoves(
  tableName: string,
  report: { createdAt: string; expiresAt: number },
  scopes: readonly string[],
  from: Status | undefined,
  to: Status | undefined,
): TransactWriteItem[] {
  if (from === to || scopes.length === 0) return [];
  const day = counterDay(report.createdAt);
  const adds: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expires': counterExpiresAt(report.createdAt, report.expiresAt) };
  if (to) {
    adds.push('#to :one');
    names['#to'] = to;
    values[':one'] = 1;
  }
  if (from) {
    adds.push('#from :minus');
    names['#from'] = from;
    values[':minus'] = -1;
  }
  return scopes.map((scope) => ({
    Update: {
      TableName: tableName,
      Key: marshall(keys.statusCount(scope, day)),
      UpdateExpression: `ADD ${adds.join(', ')} SET expiresAt = :expires`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: marshall(values),
    },
  }));
}

/** Adds the counts held on one day item into a total. */
export function addDay(total: Counts, item: Record<string, unknown>): Counts {
  for (const status of STATUSES) total[status] += Number(item[status] ?? 0);
  return total;
}
