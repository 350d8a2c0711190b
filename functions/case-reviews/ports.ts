/**
 * The Case Review feature's ports: what its use cases need from storage, declared here so
 * the use cases own them and the DynamoDB adapter implements them.
 */
import type { AuditEntry } from '../reports/ports';
import type { OutboxEntry } from '../reports/records';
import type { ContactRecord, ReviewListing, StoredCaseReview } from './records';

type CreateResult = { outcome: 'created' } | { outcome: 'duplicate'; reference: string } | { outcome: 'reference-taken' };

export interface CaseReviewStore {
  /**
   * Writes the application, its emails and a marker of what was sent (`hash`, kept until
   * `expiresAt`) in one transaction: the same application sent again in that time (a
   * reloaded page, a double click) answers with the first reference and stores nothing.
   */
  create(review: StoredCaseReview, outbox: OutboxEntry[], idempotency: { hash: string; expiresAt: number }): Promise<CreateResult>;
  get(reference: string): Promise<StoredCaseReview | undefined>;
  /**
   * Every application as the queue lists it, newest first (a partnership has a handful a
   * year): read projected, so listing, linking and counting never read anyone's details.
   */
  listings(): Promise<ReviewListing[]>;
  /**
   * Writes its progress and the partners it names (never the application itself); 'stale'
   * when the application's version is no longer `before.version` (nothing is written).
   */
  change(before: StoredCaseReview, after: StoredCaseReview, outbox: OutboxEntry[], audit: AuditEntry): Promise<'ok' | 'stale'>;
  addContact(record: ContactRecord, audit: AuditEntry): Promise<void>;
  /** Partners' records of contact, and the audit trail, oldest first: one read of the application's partition. */
  history(reference: string): Promise<{ contacts: ContactRecord[]; audit: AuditEntry[] }>;
}
