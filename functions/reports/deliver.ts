/**
 * Use case: send the email for one outbox entry and record the attempt on the entry
 * and on the report's delivery log. Used by the stream router and by the sweeper, so
 * both paths behave the same. Safe to call twice: a sent entry is skipped.
 */
import type { Partner, Profile } from '../../shared/config/profile-schema';
import type { ReportStore } from './ports';
import type { Mailer, OutgoingEmail } from './ports';
import { composeCaseReviewEmail, composeEmail } from '../emails/compose';
import { isCaseReviewReference } from '../../shared/domain/reference';
import type { CaseReviewStore } from '../case-reviews/ports';
import { privateLinkPath } from './private-link';
import { CLAIM_LEASE_MS, type Delivery, type OutboxEntry } from './records';

/** After this many failed attempts an entry is marked failed for an officer to see. */
const MAX_ATTEMPTS = 20;

export interface DeliverDependencies {
  store: ReportStore;
  /** Case Review applications, whose emails go through the same outbox. */
  reviews: Pick<CaseReviewStore, 'get'>;
  mailer: Mailer;
  profile: Profile;
  /** The partner directory (cached): current addresses. */
  partners: () => Promise<readonly Partner[]>;
  now: () => Date;
  siteUrl: string;
  /** The key that signs residents' private links (private-link.ts). */
  linkSecret: () => Promise<string>;
}

/** `throttled`: SES refused for rate; the entry waits a few seconds and the sender slows down. */
export type DeliverOutcome = 'sent' | 'skipped' | 'retry-later' | 'throttled' | 'failed';

/** SES's answers for sending faster than the account allows. */
const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'LimitExceededException']);
const THROTTLED_RETRY_MS = 5_000;

/** Back-off between attempts: 30 s doubling, capped at one hour. */
function nextAttemptDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function deliver(deps: DeliverDependencies, reference: string, targetId: string): Promise<DeliverOutcome> {
  // Re-read: the stream image or sweeper page may be older than the item.
  const entry = await deps.store.getOutbox(reference, targetId);
  if (entry?.state !== 'pending') return 'skipped';
  const now = deps.now();
  // The router running late and the sweeper can both read an entry as pending: only the
  // one that claims it sends, so an email goes out twice only if a sender dies between
  // sending and recording (and then only after the claim's lease).
  if (entry.claimedUntil && entry.claimedUntil > now.toISOString()) return 'skipped';
  const claimId = crypto.randomUUID();
  if (!(await deps.store.claim(entry, claimId, now.toISOString(), new Date(now.getTime() + CLAIM_LEASE_MS).toISOString())))
    return 'skipped';
  if (isCaseReviewReference(reference)) return deliverCaseReview(deps, entry, claimId, now);
  const stored = await deps.store.get(reference);
  const forResident = entry.target.kind === 'resident' || entry.target.kind === 'resident-update' || entry.target.kind === 'resident-news';
  const privateLink =
    forResident && stored?.privateLink
      ? `${deps.siteUrl}${privateLinkPath(await deps.linkSecret(), stored.reference, stored.privateLink.version)}`
      : undefined;
  const incidentAt = entry.target.kind === 'partner' ? entry.target.incidentAt : undefined;
  const incident = stored && incidentAt ? await deps.store.getIncident(reference, incidentAt) : undefined;
  const messageAt = entry.target.kind === 'team-message' ? entry.target.messageAt : undefined;
  const message = stored && messageAt ? await deps.store.getMessage(reference, messageAt) : undefined;
  const email = stored
    ? composeEmail(entry, stored, deps.profile, await deps.partners(), deps.siteUrl, privateLink, incident, message)
    : undefined;
  return send(deps, entry, claimId, now, email, stored ? 'No address for this recipient' : 'Report no longer exists');
}

/** A Case Review application's email: the same claim, sending and recording as a report's. */
async function deliverCaseReview(deps: DeliverDependencies, entry: OutboxEntry, claimId: string, now: Date): Promise<DeliverOutcome> {
  const review = await deps.reviews.get(entry.reference);
  const email = review ? composeCaseReviewEmail(entry, review, deps.profile, await deps.partners(), deps.siteUrl) : undefined;
  return send(deps, entry, claimId, now, email, review ? 'No address for this recipient' : 'Application no longer exists');
}

/** Sends a composed email (or records why there is none) and records the attempt. */
async function send(
  deps: DeliverDependencies,
  entry: OutboxEntry,
  claimId: string,
  now: Date,
  email: OutgoingEmail | undefined,
  nothingToSend: string,
): Promise<DeliverOutcome> {
  const attempts = entry.attempts + 1;
  if (!email) {
    await deps.store.recordDelivery(
      entry,
      { state: 'failed', attempts, lastAttemptAt: now.toISOString(), lastError: nothingToSend },
      claimId,
    );
    return 'failed';
  }
  try {
    const messageId = await deps.mailer.send({ ...email, tags: deliveryTags(entry) });
    await deps.store.recordDelivery(entry, { state: 'sent', attempts, lastAttemptAt: now.toISOString(), messageId }, claimId);
    return 'sent';
  } catch (error) {
    const throttled = THROTTLING.has((error as { name?: string })?.name ?? '');
    const delivery: Delivery = {
      state: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      lastAttemptAt: now.toISOString(),
      lastError: throttled ? 'Email service busy (sending rate reached)' : describeFailure(error),
      nextAttemptAt: new Date(now.getTime() + (throttled ? THROTTLED_RETRY_MS : nextAttemptDelayMs(attempts))).toISOString(),
    };
    await deps.store.recordDelivery(entry, delivery, claimId);
    if (delivery.state === 'failed') return 'failed';
    return throttled ? 'throttled' : 'retry-later';
  }
}

/** The tags SES returns with bounce and complaint events (see functions/delivery-feedback). */
export function deliveryTags(entry: Pick<OutboxEntry, 'reference' | 'targetId'>): Record<string, string> {
  return { reference: entry.reference, delivery: entry.targetId };
}

/** A short reason without personal data (SDK messages can echo addresses, so use names only). */
function describeFailure(error: unknown): string {
  if (error && typeof error === 'object') {
    const name = (error as { name?: string }).name ?? 'Error';
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || name === 'TimeoutError') return 'Email service unavailable';
    return `Email service error (${name})`;
  }
  return 'Email service error';
}
