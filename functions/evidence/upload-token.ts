/**
 * The token that binds an upload to one report: an HMAC of the reference and an expiry,
 * under the key the table keeps for receipts and private links. It is written into each
 * upload's policy as object metadata, so S3 refuses an upload that changes it, and the
 * processing function attaches a file only to the report its token names. Anyone holding
 * only the reference cannot make one; a token for one report opens nothing of another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Long enough to choose and send five files on a slow connection; a new page gives a new token. */
const UPLOAD_TOKEN_SECONDS = 2 * 60 * 60;

const TOKEN = /^([A-Z0-9-]{4,40})\.(\d{10})\.([A-Za-z0-9_-]{43})$/;

const sign = (secret: string, reference: string, expires: number) =>
  createHmac('sha256', secret).update(`evidence.${reference}.${expires}`).digest('base64url');

export function uploadTokenFor(secret: string, reference: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + UPLOAD_TOKEN_SECONDS;
  return `${reference}.${expires}.${sign(secret, reference, expires)}`;
}

export type TokenReading = { kind: 'valid'; reference: string; expiresAt: Date } | { kind: 'expired' } | { kind: 'invalid' };

/**
 * What a token says, checked against the report it is used for (when given) and the time
 * it is used at: a token made for another report is invalid, not merely "not yours".
 */
export function readUploadToken(secret: string, token: string | undefined, at: Date, forReference?: string): TokenReading {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return { kind: 'invalid' };
  const [, reference, expiresText, signature] = match as unknown as [string, string, string, string];
  const expires = Number(expiresText);
  const expected = Buffer.from(sign(secret, reference, expires));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { kind: 'invalid' };
  if (forReference !== undefined && forReference !== reference) return { kind: 'invalid' };
  if (expires * 1000 < at.getTime()) return { kind: 'expired' };
  return { kind: 'valid', reference, expiresAt: new Date(expires * 1000) };
}

/** The page for adding files with a token (also where storage sends the browser after an upload). */
export const evidencePath = (reference: string, token: string) => `/api/reports/${reference}/evidence?token=${encodeURIComponent(token)}`;

/** Hides an upload token, and the file name storage adds when it sends the browser back, for request logs. */
export const redactEvidenceQuery = (path: string) => path.replace(/([?&](?:token|key|etag)=)[^&#]*/g, '$1…');
