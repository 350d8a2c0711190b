/**
 * What the portal keeps about each file a resident sent, independent of S3 and DynamoDB.
 * A file is available (scanned, cleaned, in the evidence bucket) or refused (with the
 * reason the resident is shown); either way it is kept as long as the report is.
 */
import type { EvidenceMediaType } from '../../shared/contracts/evidence-types';

interface EvidenceBase {
  reference: string;
  /** The random id its upload key was made with: also its id within the report. */
  id: string;
  /** The name the file arrived with (a refused one's name may be unprintable: see evidence-problems.ts). */
  name: string;
  /** When it was processed. */
  at: string;
  expiresAt: number;
}

export interface AvailableEvidence extends EvidenceBase {
  status: 'available';
  mediaType: EvidenceMediaType;
  bytes: number;
  /** Its key in the evidence bucket. */
  objectKey: string;
  /** What cleaning removed, in words (shown to officers). */
  cleaned: string;
}

export interface RefusedEvidence extends EvidenceBase {
  status: 'refused';
  /** Why, in words the resident can act on. */
  reason: string;
  /** A threat the scan named: the file is kept in quarantine for the security runbook. */
  threat?: string;
}

export type EvidenceRecord = AvailableEvidence | RefusedEvidence;

/** A record as listed: everything but its expiry, which only the table uses. */
export type ListedEvidence = Omit<AvailableEvidence, 'expiresAt'> | Omit<RefusedEvidence, 'expiresAt'>;

/** Uploads land in the quarantine bucket under `uploads/<id>/<file name as sent>`. */
export const UPLOAD_PREFIX = 'uploads/';

/** S3's placeholder in a POST's key for the name of the file sent (it is S3's syntax, not a template). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: S3 replaces this text itself
export const FILE_NAME_PLACEHOLDER = '${filename}';

/** The id and name an upload key carries, or undefined for a key that is not an upload's. */
export function parseUploadKey(key: string): { id: string; name: string } | undefined {
  const match = /^uploads\/([0-9a-f-]{36})\/(.*)$/s.exec(key);
  return match ? { id: match[1]!, name: match[2]! } : undefined;
}

/** A clean file's key in the evidence bucket: under its report, so a report's files are one prefix. */
export const evidenceKey = (reference: string, id: string) => `reports/${reference}/${id}`;
