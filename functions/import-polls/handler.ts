/**
 * Run once per deploy (a CDK trigger): brings the pack's poll files, validated when this
 * function was bundled and written beside it, into the polls table. A poll it may not
 * change fails the deploy with the reason, so the person deploying sees it and acts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Poll } from '../../shared/contracts/poll';
import { clockNow } from '../adapters/clock/clock';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createPollDefinitionStore } from '../adapters/dynamodb/poll-definitions';
import { pollsTableName } from '../config';
import { describeImport, importPackPolls, type ImportSummary } from '../polls/import-pack-polls';

/** The bundled pack polls' file name, beside the handler. */
const PACK_POLLS_FILE = 'polls.json';

export async function handler(): Promise<ImportSummary> {
  const polls = JSON.parse(readFileSync(join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), PACK_POLLS_FILE), 'utf8')) as Poll[];
  const summary = await importPackPolls(
    createPollDefinitionStore(dynamoDbClient(), pollsTableName()),
    polls,
    clockNow(),
    bundledProfile.polls.resultsDaysAfterClose,
  );
  const { logger } = await import('../adapters/logging/logger');
  logger.info(describeImport(summary));
  if (summary.refused.length) throw new Error(describeImport(summary));
  return summary;
}
