/**
 * The router: consumes the reports table's stream, sends one email per new outbox
 * entry and flags each new report that repeats earlier ones (and each report of a case
 * officers link, counted with the rest of the case), and deletes a resident's file when its
 * record is removed at the end of the report's retention. Answers with partial batch failures, so only the failed records are retried;
 * after the retries the sweeper keeps trying, so nothing is dropped.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse, Context } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { fromOutboxItem, isOutboxItem } from '../adapters/dynamodb/report-store';
import { logger } from '../adapters/logging/logger';
import { deliver } from '../reports/deliver';
import { caseCandidates, flagReport } from '../reports/flag-report';
import type { CaseFile } from '../../shared/domain/cases';
import { isRouted, routedImage } from './routed-records';
import { runtimeDependencies, type RouterDependencies } from '../reports/delivery-dependencies';

/** Thrown so the batch processor reports the record as failed and it is retried. */
export class DeliveryPending extends Error {
  override name = 'DeliveryPending';
}

export async function routeRecord(deps: RouterDependencies, record: DynamoDBRecord): Promise<void> {
  const image = record.dynamodb?.[routedImage(record.eventName)];
  if (!image) return;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (!isRouted(record.eventName, item.entity)) return;
  if (item.entity === 'evidence') {
    // Removed by its TTL with the rest of the report: the clean file goes with it.
    if (item.status === 'available' && typeof item.objectKey === 'string') await deps.forgetEvidence(item.objectKey);
    return;
  }
  if (item.entity === 'case') {
    // Each report in the case is counted again with the others' incidents, read once for all.
    const file = item as unknown as CaseFile;
    const told = await caseCandidates(deps, file);
    for (const member of file.members) {
      const flags = await flagReport(deps, member.reference, undefined, told);
      if (flags.length) logger.info('Report flagged', { reference: member.reference, flags });
    }
    return;
  }
  if (item.entity === 'report' || item.entity === 'incident') {
    const flags = await flagReport(deps, String(item.reference), item.entity === 'incident' ? String(item.at) : undefined);
    if (flags.length) logger.info('Report flagged', { reference: item.reference, flags });
    return;
  }
  if (!isOutboxItem(item)) return;
  const entry = fromOutboxItem(item);
  const outcome = await deliver(deps, entry.reference, entry.targetId);
  logger.info('Outbox entry processed', { reference: entry.reference, target: entry.targetId, outcome });
  if (outcome === 'retry-later' || outcome === 'throttled') throw new DeliveryPending(`Delivery to ${entry.targetId} will be retried`);
}

export async function handleStream(
  deps: RouterDependencies,
  event: DynamoDBStreamEvent,
  context?: Context,
): Promise<DynamoDBBatchResponse> {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return processPartialResponse(event, (record: DynamoDBRecord) => routeRecord(deps, record), processor, context ? { context } : undefined);
}

export const handler = (event: DynamoDBStreamEvent, context: Context) => handleStream(runtimeDependencies(), event, context);
