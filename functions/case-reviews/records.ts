/**
 * What the portal stores about an ASB Case Review application, independent of DynamoDB:
 * the application as sent, the complaints the portal itself held when it was sent, and
 * its progress through the statutory steps (shared/domain/case-review-process.ts).
 */
import type { CaseReviewApplication } from '../../shared/contracts/case-review';
import type { Complaint } from '../../shared/domain/case-review';
import type { ReviewProgress, ReviewTimings } from '../../shared/domain/case-review-process';
import type { Delivery } from '../reports/records';

export interface StoredCaseReview extends ReviewProgress {
  reference: string;
  application: CaseReviewApplication;
  /**
   * Complaints the portal held about the problem when the application came from a private
   * report link: each report of its case and each incident added to one (no personal data:
   * days, the report's reference and hashed keys only).
   */
  portalComplaints: Complaint[];
  /** The portal's reports the application came with, when it came from a private link. */
  reports: string[];
  /** Partners named in the application or that received one of its reports: they see it at their data level. */
  partners: string[];
  /** Delivery log keyed by outbox target id, as a report's. */
  deliveries: Record<string, Delivery>;
  expiresAt: number;
}

/** An application as the queue lists it: its progress, area, partners and reports; no one's details or words. */
export interface ReviewListing extends ReviewTimings {
  reference: string;
  version: number;
  application: { victim: { area: string } };
  partners: string[];
  reports: string[];
}

/** A partner's record of contact with the victim, added to an application they are named in. */
export interface ContactRecord {
  reference: string;
  at: string;
  partnerId: string;
  username: string;
  text: string;
  expiresAt: number;
}
