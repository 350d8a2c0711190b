/**
 * The published site in its S3 bucket, behind CloudFront: a page is replaced with one
 * PutObject (readers get the old object or the new one), kept by the CDN for a minute at
 * most, and its cached copies are invalidated so the change shows at once.
 */
import { CreateInvalidationCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SiteFiles } from '../../site-regions/ports';

/** The addresses a file is served at: `you-said-we-did/index.html` is also `/you-said-we-did/`. */
const addressesOf = (path: string): string[] => {
  const file = `/${path}`;
  return path.endsWith('index.html') ? [file, file.slice(0, -'index.html'.length)] : [file];
};

export function createS3SiteFiles(s3: S3Client, bucket: string, cdn: { client: CloudFrontClient; distributionId: string }): SiteFiles {
  return {
    async read(path) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: path }));
        return await out.Body?.transformToString('utf-8');
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async write(path, body) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: path,
          Body: body,
          ContentType: 'text/html; charset=utf-8',
          CacheControl: 'public, max-age=60',
        }),
      );
      const paths = addressesOf(path);
      await cdn.client.send(
        new CreateInvalidationCommand({
          DistributionId: cdn.distributionId,
          InvalidationBatch: { CallerReference: `${path}@${Date.now()}`, Paths: { Quantity: paths.length, Items: paths } },
        }),
      );
    },
  };
}
