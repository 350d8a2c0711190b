/**
 * Runs on each malware scan result for the quarantine bucket (EventBridge, from GuardDuty
 * in AWS; from the local stack's ClamAV scan locally, in the same shape) and decides what
 * becomes of the file (../evidence/process-upload.ts). A failure throws, so EventBridge
 * tries again and then parks the event on the dead-letter queue; every step is safe to repeat.
 */
import { bundledProfile } from '../../shared/config/bundled-profile';
import { clockNow } from '../adapters/clock/clock';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { createEvidenceStore } from '../adapters/dynamodb/evidence-store';
import { receiptSecret } from '../adapters/dynamodb/receipt-secret';
import { createReportStore } from '../adapters/dynamodb/report-store';
import { readScanResult, type ScanResultEvent } from '../adapters/guardduty/scan-result';
import { logger } from '../adapters/logging/logger';
import { mediaTools } from '../adapters/media/media-tools';
import { createS3EvidenceFiles } from '../adapters/s3/evidence-files';
import { config, evidenceBuckets, perRuntime } from '../config';
import { type ProcessDependencies, type ProcessOutcome, processUpload } from '../evidence/process-upload';

export async function handleScanResult(deps: ProcessDependencies, event: ScanResultEvent): Promise<ProcessOutcome> {
  const { bucket, key, verdict } = readScanResult(event);
  if (bucket !== evidenceBuckets().quarantine) return { kind: 'ignored', why: 'not the quarantine bucket' };
  const outcome = await processUpload(deps, key, verdict);
  // Ids and outcomes only: a file's name is the resident's words.
  if (outcome.kind === 'ignored') logger.info('Upload ignored', { why: outcome.why });
  else logger.info('Upload processed', { reference: outcome.reference, id: outcome.id, outcome: outcome.kind, scan: verdict.status });
  return outcome;
}

const runtimeDependencies = perRuntime(
  (): ProcessDependencies => ({
    files: createS3EvidenceFiles({ region: config().AWS_REGION, endpoint: config().S3_ENDPOINT }, evidenceBuckets()),
    evidence: createEvidenceStore(dynamoDbClient(), config().TABLE_NAME),
    reports: createReportStore(dynamoDbClient(), config().TABLE_NAME),
    media: mediaTools,
    profile: bundledProfile,
    secret: receiptSecret(),
    now: clockNow,
  }),
);

export const handler = (event: ScanResultEvent) => handleScanResult(runtimeDependencies(), event);
