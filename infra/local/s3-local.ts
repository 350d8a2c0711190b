/**
 * The local S3: `s3rver` (an S3-compatible server on npm) answers the S3 API over the
 * network, and browser uploads (POST Object) pass the policy check S3 would make
 * (post-policy.ts) before they are stored, and presigned addresses pass S3's signature
 * check (presigned-url.ts) before they are served. After each upload it tells the stack, as S3
 * tells GuardDuty in AWS, so the file is scanned and processed.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { s3Client } from '../../functions/adapters/s3/evidence-files';
import { LOCAL_S3_KEYS } from '../../functions/adapters/s3/object-links';
import { checkPostPolicy } from './post-policy';
import { checkPresignedUrl } from './presigned-url';

/** A POST body the local server reads at most: S3 refuses a file over the policy's size after reading this much too. */
const MAX_POST_BYTES = 64 * 1024 * 1024;

export interface S3Local {
  /** The address for the S3 API and for browsers (path-style: `<endpoint>/<bucket>/<key>`). */
  endpoint: string;
  client: S3Client;
  stop(): Promise<void>;
}

const xmlError = (res: ServerResponse, status: number, code: string, message: string) => {
  const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`);
};

/**
 * s3rver keeps each object as a file named after its key's segments, so a key segment of
 * `..` or one longer than a file name may be would leave its folder or fail to save. S3
 * has no folders: such keys are ordinary there. Those segments are stored here under a
 * hash of themselves, so any key an upload can make is stored and read back as in S3.
 */
function storeAnyKey(server: S3rver) {
  const store = (server as unknown as { store: { getResourcePath(bucket: string, key?: string, resource?: string): string } }).store;
  const original = store.getResourcePath.bind(store);
  const safe = (segment: string) =>
    segment === '.' || segment === '..' || Buffer.byteLength(segment) > 180 || segment.includes('\0')
      ? `~${createHash('sha256').update(segment).digest('hex')}`
      : segment;
  store.getResourcePath = (bucket, key = '', resource) => original(bucket, key.split('/').map(safe).join('/'), resource);
}

export async function startS3Local(options: {
  port: number;
  buckets: string[];
  /** Where objects are kept; a temporary folder (deleted on stop) if omitted. */
  directory?: string;
  onUpload: (bucket: string, key: string) => void;
}): Promise<S3Local> {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'csp-s3-'));
  const s3rver = new S3rver({ silent: true, directory, resetOnClose: false });
  storeAnyKey(s3rver);
  const api = s3rver.callback();
  const endpoint = `http://localhost:${options.port}`;
  const client = s3Client({ region: 'eu-west-2', endpoint });

  async function upload(req: IncomingMessage, res: ServerResponse, bucket: string) {
    if (Number(req.headers['content-length'] ?? 0) > MAX_POST_BYTES)
      return xmlError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    let form: FormData;
    try {
      const request = new Request(`${endpoint}/${bucket}`, {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: Readable.toWeb(req) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      form = await request.formData();
    } catch {
      return xmlError(res, 400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
    }
    // S3 reads the fields before the file, and ignores everything after it.
    const fields: [string, string][] = [];
    let file: File | undefined;
    for (const [name, value] of form) {
      if (name === 'file') {
        file = value instanceof File ? value : new File([value], '');
        break;
      }
      if (typeof value === 'string') fields.push([name, value]);
    }
    if (!file) return xmlError(res, 400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    const verdict = checkPostPolicy({ bucket, fields, fileName: file.name, fileSize: file.size }, LOCAL_S3_KEYS, new Date());
    if (!verdict.ok) return xmlError(res, verdict.status, verdict.code, verdict.message);
    const stored = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: verdict.key,
        Body: new Uint8Array(await file.arrayBuffer()),
        Metadata: verdict.metadata,
        ...(verdict.contentType ? { ContentType: verdict.contentType } : {}),
      }),
    );
    const etag = stored.ETag ?? '';
    if (verdict.redirect) {
      const location = new URL(verdict.redirect);
      location.searchParams.set('bucket', bucket);
      location.searchParams.set('key', verdict.key);
      location.searchParams.set('etag', etag);
      res.writeHead(303, { Location: location.toString() });
      res.end();
    } else if (verdict.status === '201') {
      res.writeHead(201, { 'Content-Type': 'application/xml', ETag: etag });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Bucket>${bucket}</Bucket><ETag>${etag}</ETag></PostResponse>`);
    } else {
      res.writeHead(204, { ETag: etag });
      res.end();
    }
    options.onUpload(bucket, verdict.key);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', endpoint);
    const bucket = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
    // Browsers post uploads from the portal's pages: S3 answers them with CORS headers set on the bucket.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': '*' });
      return res.end();
    }
    if (req.method === 'POST' && bucket && multipart && url.search === '') {
      upload(req, res, bucket).catch(() => {
        if (!res.headersSent) xmlError(res, 500, 'InternalError', 'We encountered an internal error. Please try again.');
      });
      return;
    }
    // A presigned address (an officer opening a file): checked as S3 checks it, before s3rver serves it.
    if (url.searchParams.has('X-Amz-Signature')) {
      const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?');
      const verdict = checkPresignedUrl(
        { method: req.method ?? 'GET', rawPath, rawQuery, headers: req.headers },
        LOCAL_S3_KEYS,
        new Date(),
      );
      if (!verdict.ok) return xmlError(res, 403, verdict.code, verdict.message);
    }
    api(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  for (const bucket of options.buckets)
    await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: Error) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
    });
  return {
    endpoint,
    client,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      client.destroy();
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
