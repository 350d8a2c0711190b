/**
 * Synthetic reports for pagination tests and the inbox benchmark, written straight to
 * the table with the adapter's own item shapes (report + listings) in parallel batches.
 * Deterministic: report i is always the same, so runs compare.
 */
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { listingItems } from '../../functions/adapters/dynamodb/listing';
import { batchPutAll, toItem } from '../../functions/adapters/dynamodb/item';
import { routeReport } from '../../shared/domain/routing';
import { ASB_CATEGORIES, HATE_MOTIVATIONS } from '../../shared/contracts/report-vocabulary';
import { STATUSES } from '../../shared/contracts/workflow-vocabulary';
import type { Profile } from '../../shared/config/profile-schema';
import type { Report } from '../../shared/contracts/report';
import type { StoredReport } from '../../functions/reports/records';
import { REFERENCE_ALPHABET } from '../../shared/domain/reference';

/** Reference number i, in the reference alphabet (distinct for i < 31^8). */
export function seededReference(i: number): string {
  let out = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / REFERENCE_ALPHABET.length))
    out = REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length] + out;
  return out;
}

/** Report i: received `i` minutes after `start`, cycling through types, areas and statuses. */
export function seededReport(i: number, profile: Profile, start = Date.parse('2025-01-01T00:00:00Z')): StoredReport {
  const createdAt = new Date(start + i * 60_000).toISOString();
  const hate = i % 4 === 0;
  const area = profile.areas[i % profile.areas.length]!.id;
  const report: Report = {
    type: hate ? 'hate-crime' : 'asb',
    ...(hate
      ? { hateMotivations: [HATE_MOTIVATIONS[i % HATE_MOTIVATIONS.length]!] }
      : { asbCategory: ASB_CATEGORIES[i % ASB_CATEGORIES.length]! }),
    reporterRole: 'witness',
    description: `Synthetic report ${i}`,
    occurredAt: createdAt,
    location: { area },
    anonymous: true,
  };
  const status = STATUSES[i % STATUSES.length]!;
  return {
    reference: seededReference(i),
    status,
    version: 1,
    createdAt,
    dueAt: new Date(Date.parse(createdAt) + 86_400_000).toISOString(),
    ...(status !== 'new' ? { risk: (['standard', 'medium', 'high'] as const)[i % 3] } : {}),
    report,
    routes: routeReport(report, profile.partners),
    deliveries: {},
    expiresAt: Math.floor(Date.now() / 1000) + 86_400 * 30,
  };
}

/** Writes reports first..first+count-1 in batches (`parallel` at once), reporting items written. */
export async function seedReports(
  client: DynamoDBClient,
  tableName: string,
  profile: Profile,
  first: number,
  count: number,
  options: { parallel?: number; onProgress?: (done: number) => void } = {},
): Promise<void> {
  // A thousand reports at a time, so progress shows and the item list stays small.
  const REPORTS_PER_ROUND = 1000;
  let done = 0;
  for (let start = first; start < first + count; start += REPORTS_PER_ROUND) {
    const items: Record<string, AttributeValue>[] = [];
    for (let i = start; i < Math.min(first + count, start + REPORTS_PER_ROUND); i++) {
      const stored = seededReport(i, profile);
      items.push(toItem({ ...keys.report(stored.reference), entity: 'report', ...stored }));
      for (const item of listingItems(stored)) items.push(toItem(item));
    }
    await batchPutAll(client, tableName, items, options.parallel ?? 16);
    done += items.length;
    options.onProgress?.(done);
  }
}
