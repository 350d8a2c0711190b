/**
 * SigV4's keyed hashes, for the local S3's checks of what S3 checks (post-policy.ts,
 * presigned-url.ts): the day's signing key is an HMAC chain from the secret key.
 */
import { createHmac } from 'node:crypto';

export const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4's signing key for a day, region and service. */
export function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
}
