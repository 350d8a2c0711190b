/**
 * A resident's private link to their report: `/api/reports/{reference}/private/{key}`,
 * where the key is an HMAC of the reference and the link's version under a key kept in
 * the table. Nothing is stored per link: the report holds the version, so revoking is a
 * new version (every earlier link stops working), and the link dies with the report when
 * its retention ends. Anyone with only the reference cannot make the key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StoredReport } from './records';

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const sign = (secret: string, reference: string, version: number) =>
  createHmac('sha256', secret).update(`private-link.${reference}.${version}`).digest('base64url');

/** The link's path for a report that has one (its first version unless said). */
export function privateLinkPath(secret: string, reference: string, version = 1): string {
  return `/api/reports/${reference}/private/${sign(secret, reference, version)}`;
}

/** True only for the key of the report's current link; false for no link, an old version or anything else. */
export function isPrivateLinkKey(
  secret: string,
  stored: Pick<StoredReport, 'reference' | 'privateLink'>,
  key: string | undefined,
): boolean {
  if (!stored.privateLink || !key || !KEY_PATTERN.test(key)) return false;
  const expected = Buffer.from(sign(secret, stored.reference, stored.privateLink.version));
  const given = Buffer.from(key);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Hides a private link's key, for request logs. */
export const redactPrivateLink = (path: string) => path.replace(/(\/private\/)[^/?#]+/, '$1…');
