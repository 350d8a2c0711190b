/**
 * The confirmation page's receipt: after a form submission the browser is sent to
 * `/api/reports/{reference}/confirmation?receipt=…`, an HMAC of the reference, an expiry
 * and whether the report has a private link to show. Only the submit function can make
 * one, so the page cannot be forged into a false "Report sent" for a reference that was
 * never stored, nor used to learn whether someone else's reference exists or get its link.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Long enough to reload or share the page in the same sitting; the reference is also emailed. */
export const RECEIPT_LIFETIME_SECONDS = 24 * 60 * 60;

type LinkFlag = 'link' | 'none';

const sign = (secret: string, reference: string, expires: number, link: LinkFlag) =>
  createHmac('sha256', secret).update(`receipt.${reference}.${expires}.${link}`).digest('base64url');

export function receiptFor(secret: string, reference: string, now: Date, withLink = false): string {
  const expires = Math.floor(now.getTime() / 1000) + RECEIPT_LIFETIME_SECONDS;
  const link: LinkFlag = withLink ? 'link' : 'none';
  return `${expires}.${link}.${sign(secret, reference, expires, link)}`;
}

/** What an unexpired receipt made for this reference says; undefined for anything else. */
export function readReceipt(secret: string, reference: string, receipt: string | undefined, now: Date): { withLink: boolean } | undefined {
  const match = receipt ? /^(\d{10})\.(link|none)\.([A-Za-z0-9_-]{43})$/.exec(receipt) : null;
  if (!match) return undefined;
  const expires = Number(match[1]);
  if (expires < now.getTime() / 1000) return undefined;
  const link = match[2] as LinkFlag;
  const expected = Buffer.from(sign(secret, reference, expires, link));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { withLink: link === 'link' } : undefined;
}
