/**
 * GuardDuty Malware Protection for S3 scans each new object in the quarantine bucket and
 * sends its result to EventBridge ("GuardDuty Malware Protection Object Scan Result").
 * This reads that event into the feature's own terms. A scan GuardDuty could not finish
 * (FAILED, ACCESS_DENIED) is thrown back, so the event is tried again and, after that,
 * parked on the dead-letter queue for the runbook: a file is never passed unscanned.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import type { ScanVerdict } from '../../evidence/ports';

interface ScanResultDetail {
  scanStatus: 'COMPLETED' | 'SKIPPED' | 'FAILED' | string;
  resourceType: 'S3_OBJECT' | string;
  s3ObjectDetails: { bucketName: string; objectKey: string; eTag?: string; versionId?: string };
  scanResultDetails: {
    scanResultStatus: 'NO_THREATS_FOUND' | 'THREATS_FOUND' | 'UNSUPPORTED' | 'ACCESS_DENIED' | 'FAILED' | string;
    threats?: { name: string }[] | null;
  };
}

export type ScanResultEvent = EventBridgeEvent<'GuardDuty Malware Protection Object Scan Result', ScanResultDetail>;

class ScanNotFinished extends Error {
  override name = 'ScanNotFinished';
}

/** The object scanned and what the scan found. */
export function readScanResult(event: ScanResultEvent): { bucket: string; key: string; verdict: ScanVerdict } {
  const { s3ObjectDetails: object, scanResultDetails: result } = event.detail;
  const verdict: ScanVerdict | undefined =
    result.scanResultStatus === 'NO_THREATS_FOUND'
      ? { status: 'clean' }
      : result.scanResultStatus === 'THREATS_FOUND'
        ? { status: 'threat', threats: (result.threats ?? []).map((t) => t.name) }
        : result.scanResultStatus === 'UNSUPPORTED'
          ? { status: 'unscannable' }
          : undefined;
  if (!verdict) throw new ScanNotFinished(`Scan result ${result.scanResultStatus}: the event will be tried again`);
  return { bucket: object.bucketName, key: object.objectKey, verdict };
}
