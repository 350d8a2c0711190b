/**
 * Residents' files in S3: uploads go from the browser straight to the quarantine bucket
 * with a presigned POST (never through a Lambda, whose payload stops at 6 MB), and clean
 * files are kept in the evidence bucket. Both buckets are private; officers open a file
 * through an address signed for a few minutes.
 *
 * The POST policy is what S3 enforces before it stores anything: the bucket, a key under
 * the upload's own random prefix, 0 to 20 MB, the report's upload token as metadata, a
 * stored type of opaque bytes whatever the browser claims (the real type is read from the
 * content after the scan), the redirect back to the portal, and an expiry.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { LOCAL_S3_KEYS, objectLinks } from './object-links';
import { EVIDENCE_LIMITS } from '../../../shared/contracts/evidence-types';
import type { EvidenceFiles } from '../../evidence/ports';
import { FILE_NAME_PLACEHOLDER } from '../../evidence/records';

/** The metadata field the token travels in (S3 keeps it as `x-amz-meta-token`). */
const TOKEN_FIELD = 'x-amz-meta-token';
/** The tag GuardDuty Malware Protection writes on each object it scans (ClamAV's stand-in writes it locally). */
export const SCAN_TAG = 'GuardDutyMalwareScanStatus';
/** Uploads are stored as opaque bytes, so nothing in quarantine is ever served as a page or a script. */
const STORED_TYPE = 'application/octet-stream';

/** The S3 client: the local S3 server's address and keys when one is given (npm start, tests). */
export function s3Client(options: { region: string; endpoint?: string | undefined }): S3Client {
  const local: S3ClientConfig = options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true, credentials: LOCAL_S3_KEYS } : {};
  return new S3Client({ region: options.region, ...local, maxAttempts: 3 });
}

const isMissing = (error: unknown) => error instanceof NoSuchKey || error instanceof NotFound || (error as Error).name === 'NoSuchKey';

export function createS3EvidenceFiles(
  where: { region: string; endpoint?: string | undefined },
  buckets: { quarantine: string; evidence: string },
): EvidenceFiles {
  const s3 = s3Client(where);
  return {
    async grantUpload({ key, token, redirect, expiresInSeconds }) {
      const prefix = key.slice(0, key.lastIndexOf(FILE_NAME_PLACEHOLDER));
      const { url, fields } = await createPresignedPost(s3, {
        Bucket: buckets.quarantine,
        Key: key,
        Conditions: [
          ['starts-with', '$key', prefix],
          ['content-length-range', 0, EVIDENCE_LIMITS.bytes],
        ],
        Fields: {
          [TOKEN_FIELD]: token,
          'Content-Type': STORED_TYPE,
          ...(redirect ? { success_action_redirect: redirect } : { success_action_status: '201' }),
        },
        Expires: expiresInSeconds,
      });
      return { url, fields, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
    },

    async uploadFacts(key) {
      try {
        const [head, tagging] = await Promise.all([
          s3.send(new HeadObjectCommand({ Bucket: buckets.quarantine, Key: key })),
          s3.send(new GetObjectTaggingCommand({ Bucket: buckets.quarantine, Key: key })),
        ]);
        const scanTag = tagging.TagSet?.find((t) => t.Key === SCAN_TAG)?.Value;
        return { size: head.ContentLength ?? 0, token: head.Metadata?.token, uploadedAt: head.LastModified ?? new Date(), scanTag };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async uploadBytes(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: buckets.quarantine, Key: key }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async deleteUpload(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: buckets.quarantine, Key: key }));
    },

    async keep(key, bytes, mediaType, expiresAt) {
      await s3.send(
        new PutObjectCommand({
          Bucket: buckets.evidence,
          Key: key,
          Body: bytes,
          ContentType: mediaType,
          // The report's own end, for anyone looking at the object: the stream router deletes the
          // file then (functions/route-report/handler.ts), and the bucket's lifecycle rule is the
          // backstop (infra/aws/evidence-storage.ts).
          Tagging: `expires-at=${expiresAt}`,
        }),
      );
    },

    link: objectLinks(buckets.evidence, where, s3.config),

    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: buckets.evidence, Key: key }));
    },
  };
}
