/**
 * The evidence feature's ports: storage for files (S3 in AWS, a local S3 server locally),
 * for their records (the reports table) and the media tools that check and clean them.
 */
import type { EvidenceMediaType } from '../../shared/contracts/evidence-types';
import type { OutboxEntry } from '../reports/records';
import type { EvidenceRecord, ListedEvidence } from './records';

/** The fields and address of one browser upload straight to storage (an S3 presigned POST). */
export interface UploadGrant {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

interface UploadRequest {
  /** The key, ending in `${filename}` so storage puts the file's own name in it. */
  key: string;
  token: string;
  /**
   * Where the browser is sent after a successful upload (S3 adds bucket, key and etag); none
   * for the page's script, which is answered 201 (a cross-origin redirect would end its request).
   */
  redirect?: string;
  expiresInSeconds: number;
}

/** What is known of an upload without reading it: its size, metadata and scan tag. */
interface UploadFacts {
  size: number;
  /** The upload token written with it (its object metadata), if any. */
  token: string | undefined;
  uploadedAt: Date;
  /** The scan's result as tagged on the object by the scanner (`GuardDutyMalwareScanStatus`), if tagged yet. */
  scanTag: string | undefined;
}

export interface EvidenceFiles {
  grantUpload(request: UploadRequest): Promise<UploadGrant>;
  /** An upload in quarantine, without its content, or undefined once it is gone (processed already). */
  uploadFacts(key: string): Promise<UploadFacts | undefined>;
  /** An upload's content, read only for a file that may be kept; undefined once it is gone. */
  uploadBytes(key: string): Promise<Uint8Array | undefined>;
  deleteUpload(key: string): Promise<void>;
  /** Keeps a clean file in the evidence bucket until `expiresAt` (epoch seconds: the report's). */
  keep(key: string, bytes: Uint8Array, mediaType: EvidenceMediaType, expiresAt: number): Promise<void>;
  /** An address that serves one kept file for a few minutes, as a download or to show inline. */
  link(key: string, options: { name: string; mediaType: string; download: boolean; seconds: number }): Promise<string>;
  remove(key: string): Promise<void>;
}

export type AddOutcome = 'added' | 'exists' | 'full' | 'gone';

export interface EvidenceStore {
  /** Every record of a report's files, oldest first. */
  list(reference: string): Promise<ListedEvidence[]>;
  get(reference: string, id: string): Promise<EvidenceRecord | undefined>;
  /**
   * Adds an available file with its emails, in one transaction that also counts it on the
   * report: `full` when the report already has `limit` files, `exists` when this id was
   * recorded before (a repeated event), `gone` when the report is.
   */
  addAvailable(record: EvidenceRecord & { status: 'available' }, outbox: OutboxEntry[], limit: number): Promise<AddOutcome>;
  /** Records a refused file once (a repeated event changes nothing). */
  addRefused(record: EvidenceRecord & { status: 'refused' }): Promise<void>;
}

export interface CleanedFile {
  bytes: Uint8Array;
  mediaType: EvidenceMediaType;
  /** What was removed, in words. */
  removed: string;
}

export interface MediaTools {
  /** The media type the content shows, from its first bytes; undefined when nothing is recognised. */
  detect(bytes: Uint8Array): Promise<string | undefined>;
  /** The file with its metadata removed; throws when the content cannot be read as its type. */
  clean(bytes: Uint8Array, mediaType: EvidenceMediaType): Promise<CleanedFile>;
}

/** What the malware scan said of one upload (GuardDuty in AWS, ClamAV locally). */
export type ScanVerdict = { status: 'clean' } | { status: 'threat'; threats: string[] } | { status: 'unscannable' };
