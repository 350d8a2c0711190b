/**
 * S3's check of a presigned address (SigV4 in the query string): the signature over the
 * method, path, query and signed headers, and the expiry. s3rver answers such addresses
 * without checking their signature (its SigV4 support is incomplete), so the local stack
 * checks them first, as S3 does: an address changed in any way, or past its time, opens nothing.
 */
import { createHash } from 'node:crypto';
import { encodeRfc3986 as encode } from '../../functions/adapters/s3/object-links';
import { hmac, signingKey } from './sigv4';

export type PresignedVerdict = { ok: true } | { ok: false; code: string; message: string };

export function checkPresignedUrl(
  request: { method: string; rawPath: string; rawQuery: string; headers: Record<string, string | string[] | undefined> },
  credentials: { accessKeyId: string; secretAccessKey: string },
  now: Date,
): PresignedVerdict {
  const pairs = request.rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return [decodeURIComponent(name), decodeURIComponent(value.replace(/\+/g, '%20'))] as [string, string];
    });
  const query = new Map(pairs);
  const credential = query.get('X-Amz-Credential') ?? '';
  const [accessKeyId, day, region, service] = credential.split('/');
  const date = query.get('X-Amz-Date') ?? '';
  const expires = Number(query.get('X-Amz-Expires') ?? 'NaN');
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
  if (accessKeyId !== credentials.accessKeyId || !day || !region || !service)
    return { ok: false, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  const signedAt = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (Number.isNaN(signedAt) || Number.isNaN(expires))
    return { ok: false, code: 'AuthorizationQueryParametersError', message: 'X-Amz-Date and X-Amz-Expires must be given' };
  if (signedAt + expires * 1000 < now.getTime()) return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
  const canonicalQuery = pairs
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .sort()
    .join('&');
  const header = (name: string) => {
    const value = request.headers[name];
    return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
  };
  const canonicalRequest = [
    request.method,
    request.rawPath,
    canonicalQuery,
    ...signedHeaders.map((name) => `${name}:${header(name)}`),
    '',
    signedHeaders.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const expected = hmac(signingKey(credentials.secretAccessKey, day, region, service), toSign).toString('hex');
  return expected === query.get('X-Amz-Signature')
    ? { ok: true }
    : {
        ok: false,
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match the signature you provided.',
      };
}
