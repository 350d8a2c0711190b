/**
 * The confirmation page's receipt: after a form submission the browser is sent to
 * `/api/reports/{reference}/confirmation?receipt=…`, an HMAC of the reference and an
 * expiry. Only the submit function can make one, so the page cannot be forged into a
 * false "Report sent" for a reference that was never stored, nor used to learn whether
 * someone else's reference exists.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Long enough to reload or share the page in the same sitting; the reference is also emailed. */
export const RECEIPT_LIFETIME_SECONDS = 24 * 60 * 60;

const sign = (secret: string, reference: string, expires: number) =>
  createHmac('sha256', secret).update(`receipt.${reference}.${expires}`).digest('base64url');

export function receiptFor(secret: string, reference: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + RECEIPT_LIFETIME_SECONDS;
  return `${expires}.${sign(secret, reference, expires)}`;
}

/** True only for an unexpired receipt made for this reference. */
export function isValidReceipt(secret: string, reference: string, receipt: string | undefined, now: Date): boolean {
  const match = receipt ? /^(\d{10})\.([A-Za-z0-9_-]{43})$/.exec(receipt) : null;
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires < now.getTime() / 1000) return false;
  const expected = Buffer.from(sign(secret, reference, expires));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
