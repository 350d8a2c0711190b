/**
 * The wiring of email delivery and flagging, shared by the two functions that deliver:
 * the stream router (new reports) and the sweeper (anything still pending). Built once
 * per container.
 */
import { bundledProfile } from '../../shared/config/bundled-profile';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createSesMailer } from '../adapters/ses/mailer';
import { createCaseStore } from '../adapters/dynamodb/case-store';
import { createCaseReviewStore } from '../adapters/dynamodb/case-review-store';
import { cachedPartners, createPartnerDirectory } from '../adapters/dynamodb/partner-directory';
import { config, evidenceBuckets, perRuntime } from '../config';
import type { DeliverDependencies } from './deliver';
import type { FlagDependencies } from './flag-report';
import { clockNow } from '../adapters/clock/clock';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';

export type RouterDependencies = DeliverDependencies &
  FlagDependencies & {
    /** Deletes a clean file from the evidence bucket (its report's retention ended). */
    forgetEvidence: (objectKey: string) => Promise<void>;
  };

export const runtimeDependencies = perRuntime((): RouterDependencies => {
  let evidenceFiles: import('../evidence/ports').EvidenceFiles | undefined;
  return {
    store: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    cases: createCaseStore(dynamoDbClient(), config().TABLE_NAME),
    reviews: createCaseReviewStore(dynamoDbClient(), config().TABLE_NAME),
    mailer: createSesMailer(),
    profile: bundledProfile,
    partners: cachedPartners(createPartnerDirectory(dynamoDbClient(), config().TABLE_NAME, bundledProfile.partners), 60_000),
    now: clockNow,
    siteUrl: config().SITE_URL,
    linkSecret: receiptSecret(),
    // Loaded when a file is first forgotten: the S3 client is not needed to send email.
    forgetEvidence: async (objectKey) => {
      const { createS3EvidenceFiles } = await import('../adapters/s3/evidence-files');
      evidenceFiles ??= createS3EvidenceFiles({ region: config().AWS_REGION, endpoint: config().S3_ENDPOINT }, evidenceBuckets());
      await evidenceFiles.remove(objectKey);
    },
  };
});
