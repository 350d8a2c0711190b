/** Retention: every stored record carries an epoch-seconds TTL (DynamoDB `expiresAt`). */
const DAY_SECONDS = 86_400;

export function expiresAt(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + days * DAY_SECONDS;
}
