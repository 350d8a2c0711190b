/**
 * The voter cookie: one per poll (its path is the poll's API path, so polls cannot be
 * linked to each other), HttpOnly, SameSite=Lax, Secure on https. It holds a random
 * voter id and when the resident pressed "Start now", signed with HMAC-SHA256 so
 * neither can be forged; the time lets a ballot sent impossibly fast be sent back.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const VOTER_COOKIE = 'voter';

export interface Voter {
  voterId: string;
  /** Seconds since the epoch when the resident started. */
  startedAt: number;
}

const sign = (secret: string, pollId: string, body: string) => createHmac('sha256', secret).update(`${pollId}.${body}`).digest('base64url');

export function newVoterId(): string {
  return randomBytes(16).toString('base64url');
}

export function voterCookieValue(secret: string, pollId: string, voter: Voter): string {
  const body = `${voter.voterId}.${voter.startedAt}`;
  return `${body}.${sign(secret, pollId, body)}`;
}

/** The voter in a signed cookie value, or undefined if it is missing, malformed or forged. */
export function readVoterCookie(secret: string, pollId: string, value: string | undefined): Voter | undefined {
  const match = value ? /^([A-Za-z0-9_-]{22})\.(\d{10})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!match) return undefined;
  const expected = Buffer.from(sign(secret, pollId, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return { voterId: match[1]!, startedAt: Number(match[2]) };
}

/** The Set-Cookie header: kept until a month after the poll closes, sent only to that poll's API. */
export function setVoterCookie(value: string, pollId: string, closesAt: string, now: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((Date.parse(closesAt) - now.getTime()) / 1000) + 30 * 86_400);
  return `${VOTER_COOKIE}=${value}; Path=/api/polls/${pollId}/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** A cookie's value from API Gateway v2's `cookies` list or a Cookie header. */
export function cookieValue(
  event: { cookies?: string[] | undefined; headers: Record<string, string | undefined> },
  name: string,
): string | undefined {
  const all = [...(event.cookies ?? []), ...(event.headers.cookie ?? '').split(';')];
  for (const pair of all) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** A salted hash of the sender's address, so bursts can be found without keeping addresses. */
export function addressHash(secret: string, pollId: string, sourceIp: string): string {
  return createHmac('sha256', secret).update(`address.${pollId}.${sourceIp}`).digest('hex').slice(0, 32);
}
