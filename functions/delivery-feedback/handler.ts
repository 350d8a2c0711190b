/**
 * EventBridge target for the SES configuration set's bounce and complaint events
 * (`detail` is the SES event record). A failure throws, so EventBridge retries and then
 * parks the event on the encrypted dead-letter queue: no feedback is silently lost.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { logger } from '../adapters/logging/logger';
import { config } from '../config';
import { recordFeedback, type FeedbackResult } from './record-feedback';
import { clockNow } from '../adapters/clock/clock';

export async function handleFeedback(
  deps: Parameters<typeof recordFeedback>[0],
  event: Pick<EventBridgeEvent<string, unknown>, 'detail'>,
): Promise<FeedbackResult> {
  const result = await recordFeedback(deps, event.detail);
  // The outcome and ids only: the record itself carries recipient addresses.
  if (result.outcome === 'recorded') logger.info('Delivery feedback recorded', { ...result });
  else logger.warn('Delivery feedback not recorded', { outcome: result.outcome });
  return result;
}

export const handler = (event: EventBridgeEvent<string, unknown>) =>
  handleFeedback({ store: createReportStore(dynamoDbClient(), config().TABLE_NAME), now: clockNow }, event);
