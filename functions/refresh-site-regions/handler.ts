/**
 * Scheduled every minute: keeps the published site's live regions true (the polls open
 * now on the home page, the responses on "You said, we did"). See
 * functions/site-regions/refresh.ts. A page that failed is logged by name and tried again
 * on the next run.
 */
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import { clockNow } from '../adapters/clock/clock';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createPollDefinitionStore } from '../adapters/dynamodb/poll-definitions';
import { createS3SiteFiles } from '../adapters/s3/site-files';
import { config, pollsTableName } from '../config';
import { refreshSiteRegions } from '../site-regions/refresh';
import { publishedPolls } from '../polls/catalogue';

export async function handler(): Promise<{ changed: string[]; failed: string[] }> {
  const { SITE_BUCKET, DISTRIBUTION_ID, AWS_REGION } = config();
  if (!SITE_BUCKET || !DISTRIBUTION_ID) throw new Error('SITE_BUCKET and DISTRIBUTION_ID must be set');
  const definitions = createPollDefinitionStore(dynamoDbClient(), pollsTableName());
  const result = await refreshSiteRegions({
    files: createS3SiteFiles(new S3Client({ region: AWS_REGION }), SITE_BUCKET, {
      // CloudFront's API is global, served from us-east-1.
      client: new CloudFrontClient({ region: 'us-east-1' }),
      distributionId: DISTRIBUTION_ID,
    }),
    // Read afresh each run (no copy kept between runs).
    polls: () => publishedPolls(definitions, () => clockNow().getTime(), 0).list(),
    now: clockNow,
  });
  if (result.changed.length || result.failed.length) {
    const { logger } = await import('../adapters/logging/logger');
    if (result.changed.length) logger.info('Live regions published', { changed: result.changed });
    if (result.failed.length)
      logger.error('Live regions not published; the previous pages stay until the next run', { failed: result.failed });
  }
  return result;
}
