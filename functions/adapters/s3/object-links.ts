/**
 * Addresses that open one object for a few minutes (SigV4 in the query string), made by S3's
 * own presigner without the S3 client. The officer API makes one each time a file is opened;
 * with the S3 client behind even a lazy import, code splitting put about 19 KB of its
 * protocol code (which shares modules with the DynamoDB client's) into what every cold
 * start loads. Signing needs only the function's credentials and SHA-256, which the
 * DynamoDB client it already has provides.
 */
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The keys the local S3 accepts (s3rver's own). */
export const LOCAL_S3_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** RFC 3986 encoding, as SigV4 signs paths and queries (encodeURIComponent leaves !'()* alone). */
export const encodeRfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A name for Content-Disposition: quotes and non-ASCII characters cannot break the header. */
const disposition = (download: boolean, name: string) =>
  `${download ? 'attachment' : 'inline'}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * A bucket's own host (virtual-hosted style): where presigned uploads post to and presigned
 * reads come from, and so what the pages' CSP allows.
 */
export const bucketHost = (bucket: string, region: string) => `${bucket}.s3.${region}.amazonaws.com`;

export interface LinkOptions {
  name: string;
  mediaType: string;
  /** Downloaded (attachment) or shown in the page (inline). */
  download: boolean;
  seconds: number;
}

/**
 * Signs addresses to objects of `bucket`: virtual-hosted in AWS (the origin the site's CSP
 * allows), path-style on the local S3 (`endpoint`).
 */
export function objectLinks(
  bucket: string,
  where: { region: string; endpoint?: string | undefined },
  signing: Pick<DynamoDBClient['config'], 'credentials' | 'sha256'>,
): (key: string, options: LinkOptions) => Promise<string> {
  const local = where.endpoint ? new URL(where.endpoint) : undefined;
  const presigner = new S3RequestPresigner({
    region: where.region,
    sha256: signing.sha256,
    credentials: local ? LOCAL_S3_KEYS : signing.credentials,
  });
  const hostname = local ? local.hostname : bucketHost(bucket, where.region);
  const host = local ? local.host : hostname;
  return async (key, { name, mediaType, download, seconds }) => {
    const path = `${local ? `/${bucket}` : ''}/${key.split('/').map(encodeRfc3986).join('/')}`;
    const signed = await presigner.presign(
      {
        method: 'GET',
        protocol: local ? local.protocol : 'https:',
        hostname,
        ...(local?.port ? { port: Number(local.port) } : {}),
        path,
        query: { 'response-content-disposition': disposition(download, name), 'response-content-type': mediaType },
        headers: { host },
      },
      { expiresIn: seconds },
    );
    const query = Object.entries(signed.query ?? {})
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${encodeRfc3986(k)}=${encodeRfc3986(String(one ?? ''))}`))
      .join('&');
    return `${signed.protocol}//${host}${signed.path}?${query}`;
  };
}
