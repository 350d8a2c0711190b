/**
 * A local scan's result as GuardDuty Malware Protection for S3 gives it: the tag it writes on
 * the object, and the event it sends to EventBridge, so the processing function is called
 * locally with exactly what it gets in AWS.
 */
import type { ScanResultEvent } from '../../functions/adapters/guardduty/scan-result';
import type { ScanVerdict } from '../../functions/evidence/ports';
import { clockNow } from '../../functions/adapters/clock/clock';

const RESULT_STATUS = { clean: 'NO_THREATS_FOUND', threat: 'THREATS_FOUND', unscannable: 'UNSUPPORTED' } as const;

/** The value GuardDuty tags a scanned object with, for a verdict. */
export const scanStatusOf = (verdict: ScanVerdict) => RESULT_STATUS[verdict.status];

export function scanResultEvent(bucket: string, key: string, eTag: string, verdict: ScanVerdict): ScanResultEvent {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'GuardDuty Malware Protection Object Scan Result',
    source: 'aws.guardduty',
    account: '000000000000',
    time: clockNow().toISOString(),
    region: 'eu-west-2',
    resources: ['arn:aws:guardduty:eu-west-2:000000000000:malware-protection-plan/local'],
    detail: {
      scanStatus: 'COMPLETED',
      resourceType: 'S3_OBJECT',
      s3ObjectDetails: { bucketName: bucket, objectKey: key, eTag },
      scanResultDetails: {
        scanResultStatus: RESULT_STATUS[verdict.status],
        threats: verdict.status === 'threat' ? verdict.threats.map((name) => ({ name })) : null,
      },
    },
  };
}
