/**
 * What the portal stores about a report, independent of DynamoDB. Adapters translate
 * these to items; use cases and the router work only with these.
 */
import type { Report } from '../../shared/contracts/report';
import type { Route } from '../../shared/domain/routing';

export type DeliveryState = 'pending' | 'sent' | 'failed';

/** Who an outbox entry emails: a partner (with its data level) or the resident. */
export type OutboxTarget = { kind: 'partner'; partnerId: string; dataLevel: Route['dataLevel'] } | { kind: 'resident' };

export interface Delivery {
  state: DeliveryState;
  attempts: number;
  lastAttemptAt?: string;
  /** Short, personal-data-free reason of the last failure (e.g. "SES unavailable"). */
  lastError?: string;
  messageId?: string;
  /** While pending: when the sweeper may try it (next). The sweeper's index sorts on it. */
  nextAttemptAt?: string;
}

/**
 * A new entry is the stream router's for this long; after that the sweeper may send it
 * too (the router was throttled, timed out or gave up). Deliveries are idempotent on state.
 */
export const ROUTER_HEAD_START_MS = 60_000;

export interface StoredReport {
  reference: string;
  status: 'received';
  createdAt: string;
  report: Report;
  routes: Route[];
  /** Delivery log keyed by outbox target id (partner id or "resident"). */
  deliveries: Record<string, Delivery>;
  expiresAt: number;
}

export interface OutboxEntry extends Delivery {
  reference: string;
  targetId: string;
  target: OutboxTarget;
  createdAt: string;
  expiresAt: number;
}

export function targetId(target: OutboxTarget): string {
  return target.kind === 'resident' ? 'resident' : target.partnerId;
}
