/**
 * Synthetic reports for pagination tests and the inbox benchmark, written straight to
 * the table with the adapter's own item shapes (report + listings) in parallel batches.
 * Deterministic: report i is always the same, so runs compare.
 */
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { listingItems } from '../../functions/adapters/dynamodb/listing';
import { toItem } from '../../functions/adapters/dynamodb/item';
import { routeReport } from '../../shared/domain/routing';
import { ASB_CATEGORIES, HATE_MOTIVATIONS } from '../../shared/contracts/report-vocabulary';
import { STATUSES } from '../../shared/domain/workflow';
import type { Profile } from '../../shared/config/profile-schema';
import type { Report } from '../../shared/contracts/report';
import type { StoredReport } from '../../functions/reports/records';
import { REFERENCE_ALPHABET } from '../../shared/domain/reference';

/** Reference number i, in the reference alphabet (distinct for i < 31^8). */
export function seededReference(i: number): string {
  let out = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / REFERENCE_ALPHABET.length)) out = REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length] + out;
  return out;
}

/** Report i: received `i` minutes after `start`, cycling through types, areas and statuses. */
export function seededReport(i: number, profile: Profile, start = Date.parse('2025-01-01T00:00:00Z')): StoredReport {
  const createdAt = new Date(start + i * 60_000).toISOString();
  const hate = i % 4 === 0;
  const area = profile.areas[i % profile.areas.length]!.id;
  const report: Report = {
    type: hate ? 'hate-crime' : 'asb',
    ...(hate ? { hateMotivations: [HATE_MOTIVATIONS[i % HATE_MOTIVATIONS.length]!] } : { asbCategory: ASB_CATEGORIES[i % ASB_CATEGORIES.length]! }),
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

/** Writes reports first..first+count-1 (25 items a batch, `parallel` batches at once). */
export async function seedReports(client: DynamoDBClient, tableName: string, profile: Profile, first: number, count: number, options: { parallel?: number; onProgress?: (done: number) => void } = {}): Promise<void> {
  const requests: WriteRequest[] = [];
  for (let i = first; i < first + count; i++) {
    const stored = seededReport(i, profile);
    requests.push({ PutRequest: { Item: toItem({ ...keys.report(stored.reference), entity: 'report', ...stored }) } });
    for (const item of listingItems(stored)) requests.push({ PutRequest: { Item: toItem(item) } });
  }
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) batches.push(requests.slice(i, i + 25));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < batches.length) {
      let batch = batches[next++]!;
      while (batch.length) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }));
        batch = out.UnprocessedItems?.[tableName] ?? [];
      }
      done++;
      if (done % 200 === 0) options.onProgress?.(done * 25);
    }
  };
  await Promise.all(Array.from({ length: options.parallel ?? 16 }, worker));
}
