/**
 * The reports table, described once. The CDK stack (infra/aws) and the local stack
 * (infra/local) both build their table from this, so local and AWS cannot drift.
 *
 * Single-table layout (all items under one report share its partition):
 *   REPORT#<ref> / REPORT              the report, with its workflow fields and version
 *   REPORT#<ref> / LISTING#ALL         the case summary the inbox shows (no personal data)
 *   REPORT#<ref> / LISTING#<partner>   the same summary, once per partner it went to
 *   REPORT#<ref> / OUTBOX#<target>     one email to send (partner, resident, update)
 *   REPORT#<ref> / NOTE#<at>#<uuid>    an officer's note
 *   REPORT#<ref> / AUDIT#<at>#<uuid>   one read or change (append-only)
 *   REPORT#<ref> / INCIDENT#<at>       something else that happened, added by the resident
 *   REPORT#<ref> / MESSAGE#<at>        a message from the resident to the officers
 *   REPORT#<ref> / EVIDENCE#<id>       a file the resident attached: kept (with its key) or refused (with why)
 *   CASE#<id> / CASE                   reports officers linked into one case, in the order they joined
 *   REVIEW#<ref> / REVIEW              an ASB Case Review application, its steps and version
 *   REVIEW#<ref> / OUTBOX#<target>     one email about it (applicant, partner named)
 *   REVIEW#<ref> / CONTACT#<at>#<uuid> a partner's record of contact with the victim
 *   REVIEW#<ref> / AUDIT#<at>#<uuid>   one read or change (append-only)
 *   IDEMPOTENCY#<hash> / IDEMPOTENCY   a recent submission's reference (10-minute window)
 *   CONFIG#partners / PARTNER#<id>     a partner's address and routing rules (seeded from the profile)
 *   CONFIG#partners / HISTORY#<at>#<id> who changed a partner, when, from what to what
 *   RATE#<key> / RATE                  a rate-limit window (status checks)
 *   CONFIG#secrets / RECEIPT           the key that signs confirmation-page receipts
 *   COUNTS#<scope> / DAY#<day>         reports per status received that UK day (ALL or a partner)
 *
 * Indexes: the inbox indexes hold only LISTING items (summaries, so projecting ALL
 * copies no personal data), each sorted newest first by `listedAt` (createdAt#ref). One
 * index per filter officers use most; other filters narrow the chosen index's pages.
 * `outbox-pending` is sparse: only unsent outbox items, by when each may next be tried.
 * `by-contact` and `by-place` hold hashed keys to find repeat reports for flags.
 * `case-reviews` holds only Case Review applications, newest first (a few a year).
 */
import { isCaseReviewReference } from '../../../shared/domain/reference';
export const inboxIndexes = {
  all: { name: 'inbox-all', partitionKey: 'inboxAll' },
  status: { name: 'inbox-status', partitionKey: 'inboxStatus' },
  assignee: { name: 'inbox-assignee', partitionKey: 'inboxAssignee' },
  risk: { name: 'inbox-risk', partitionKey: 'inboxRisk' },
  area: { name: 'inbox-area', partitionKey: 'inboxArea' },
  type: { name: 'inbox-type', partitionKey: 'inboxType' },
  partner: { name: 'inbox-partner', partitionKey: 'inboxPartner' },
  // Sparse: only officers' listings with a message no officer has read yet.
  unread: { name: 'inbox-unread', partitionKey: 'inboxUnread' },
} as const;

export type InboxIndex = keyof typeof inboxIndexes;

export const reportsTable = {
  logicalName: 'reports',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  // Old images let the router tell a new report from a changed one.
  streamView: 'NEW_AND_OLD_IMAGES' as const,
  indexes: [
    { name: 'outbox-pending', partitionKey: 'outboxPending', sortKey: 'nextAttemptAt' },
    ...Object.values(inboxIndexes).map((i) => ({ name: i.name, partitionKey: i.partitionKey, sortKey: 'listedAt' })),
    { name: 'by-contact', partitionKey: 'contactKey', sortKey: 'listedAt' },
    { name: 'by-place', partitionKey: 'placeKey', sortKey: 'listedAt' },
    { name: 'audit-by-day', partitionKey: 'auditDay', sortKey: 'sk' },
    { name: 'case-reviews', partitionKey: 'reviewQueue', sortKey: 'listedAt' },
  ],
};

/**
 * The partition everything about one reference lives in: a Case Review application's
 * (its references start "CR-") or a report's. Outbox items and audit entries use it, so
 * one outbox and one audit trail serve both.
 */
const subject = (reference: string) => (isCaseReviewReference(reference) ? `REVIEW#${reference}` : `REPORT#${reference}`);

/** Key helpers: the only place item keys are spelled. */
export const keys = {
  report: (reference: string) => ({ pk: `REPORT#${reference}`, sk: 'REPORT' }),
  listing: (reference: string, scope: 'ALL' | string) => ({ pk: `REPORT#${reference}`, sk: `LISTING#${scope}` }),
  outbox: (reference: string, target: string) => ({ pk: subject(reference), sk: `OUTBOX#${target}` }),
  /** The item whose `deliveries` map logs each email of the reference: the report, or the application. */
  deliveryLog: (reference: string) => (isCaseReviewReference(reference) ? keys.caseReview(reference) : keys.report(reference)),
  caseReview: (reference: string) => ({ pk: `REVIEW#${reference}`, sk: 'REVIEW' }),
  reviewContact: (reference: string, at: string) => ({ pk: `REVIEW#${reference}`, sk: `CONTACT#${at}#${crypto.randomUUID()}` }),
  note: (reference: string, at: string) => ({ pk: `REPORT#${reference}`, sk: `NOTE#${at}#${crypto.randomUUID()}` }),
  incident: (reference: string, at: string) => ({ pk: `REPORT#${reference}`, sk: `INCIDENT#${at}` }),
  message: (reference: string, at: string) => ({ pk: `REPORT#${reference}`, sk: `MESSAGE#${at}` }),
  evidence: (reference: string, id: string) => ({ pk: `REPORT#${reference}`, sk: `EVIDENCE#${id}` }),
  caseFile: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  audit: (reference: string, at: string) => ({ pk: subject(reference), sk: `AUDIT#${at}#${crypto.randomUUID()}` }),
  idempotency: (hash: string) => ({ pk: `IDEMPOTENCY#${hash}`, sk: 'IDEMPOTENCY' }),
  partner: (id: string) => ({ pk: 'CONFIG#partners', sk: `PARTNER#${id}` }),
  partnerHistory: (id: string, at: string) => ({ pk: 'CONFIG#partners', sk: `HISTORY#${at}#${id}` }),
  rate: (key: string) => ({ pk: `RATE#${key}`, sk: 'RATE' }),
  receiptSecret: () => ({ pk: 'CONFIG#secrets', sk: 'RECEIPT' }),
  statusCount: (scope: string, day: string) => ({ pk: `COUNTS#${scope}`, sk: `DAY#${day}` }),
};

/** Value of the sparse index key while an outbox item is unsent. */
export const PENDING = 'PENDING';
/** Every ALL listing shares this inbox-all partition (a partnership's volume is far below its limits). */
export const ALL_LISTINGS = 'ALL';
/** Every application shares this case-reviews partition. */
export const ALL_REVIEWS = 'ALL';
