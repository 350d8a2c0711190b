/**
 * The reports feature's ports: what its use cases need from storage, email and rate
 * limiting, declared here so the use cases own them and the adapters (DynamoDB, SES)
 * implement them. Nothing here knows which technology stands behind it.
 */
import type { Status } from '../../shared/contracts/workflow-vocabulary';
import type { Flag, FlagCandidate } from '../../shared/domain/flags';
import type { CaseFile } from '../../shared/domain/cases';
import type { InboxFilters, InboxPage, InboxScope } from './inbox';
import type {
  CaseNote,
  CaseSummary,
  Delivery,
  DeliveryFeedback,
  IncidentRecord,
  MessageRecord,
  OutboxEntry,
  ResidentUpdate,
  StoredReport,
} from './records';

type CreateResult =
  | { outcome: 'created' }
  | { outcome: 'duplicate'; reference: string }
  /** The idempotency key was used within its window for a different report: nothing was stored. */
  | { outcome: 'key-reused' }
  | { outcome: 'reference-taken' };

/** The idempotency marker: who may replay (the key or the report's own hash) and what they sent. */
interface IdempotencyMarker {
  hash: string;
  /** Hash of the report this marker was made for: the same key with another report is refused, not replayed. */
  requestHash: string;
  expiresAt: number;
}

export interface ReportStore {
  /** Writes the report, its inbox listings, its outbox and the idempotency marker in one transaction. */
  create(report: StoredReport, outbox: OutboxEntry[], idempotency: IdempotencyMarker): Promise<CreateResult>;
  get(reference: string): Promise<StoredReport | undefined>;
  /** Many reports at once (BatchGetItem), keyed by reference; missing ones are absent. */
  getMany(references: string[]): Promise<Map<string, StoredReport>>;
  /**
   * Stores an incident the resident added with the emails it sends, and counts it on the
   * report and on its listings (everybody's and each of `partners`), in one transaction;
   * 'gone' (nothing written) if the report was removed meanwhile.
   */
  addIncident(record: IncidentRecord, outbox: OutboxEntry[], partners: string[]): Promise<'ok' | 'gone'>;
  /** What the resident added from their private link (incidents, messages), each oldest first: one read. */
  residentRecords(reference: string): Promise<{ incidents: IncidentRecord[]; messages: MessageRecord[] }>;
  getIncident(reference: string, at: string): Promise<IncidentRecord | undefined>;
  /** Stores a resident's message with the email telling the team, in one transaction; 'gone' if the report was removed. */
  addMessage(record: MessageRecord, outbox: OutboxEntry[]): Promise<'ok' | 'gone'>;
  getMessage(reference: string, at: string): Promise<MessageRecord | undefined>;
  getOutbox(reference: string, targetId: string): Promise<OutboxEntry | undefined>;
  /** The updates officers wrote to the resident about this report, oldest first. */
  residentUpdates(reference: string): Promise<ResidentUpdate[]>;
  /**
   * Takes a pending entry for one sender until `until` (and out of the sweeper's index till
   * then): false if it was sent, failed, tried again or is held by another sender meanwhile.
   */
  claim(entry: OutboxEntry, claimId: string, now: string, until: string): Promise<boolean>;
  /**
   * Records one delivery attempt on the outbox item and the report's log, and frees the
   * claim; false if it was already sent, or (with `claimId`) the claim is no longer held.
   */
  recordDelivery(entry: OutboxEntry, delivery: Delivery, claimId?: string): Promise<boolean>;
  /** Unsent outbox entries due at or before `now`, longest overdue first (sparse index query). */
  listDue(now: string, limit: number): Promise<OutboxEntry[]>;
  /**
   * Marks a bounce or complaint on the delivery it belongs to (outbox item and report log);
   * false when no sent email of that delivery has this message id.
   */
  recordFeedback(reference: string, targetId: string, messageId: string, feedback: DeliveryFeedback): Promise<boolean>;
  /** When the oldest entry still waiting to be sent was queued, or undefined if none waits. */
  oldestPendingCreatedAt(): Promise<string | undefined>;
}

interface CaseRecord {
  stored: StoredReport;
  incidents: IncidentRecord[];
  messages: MessageRecord[];
  notes: CaseNote[];
  outbox: OutboxEntry[];
  audit: AuditEntry[];
}

/** One officer change: the report as read, as it should become, and what goes with it. */
interface CaseChange {
  before: StoredReport;
  after: StoredReport;
  /** A partner the report now goes to (assignment): gets a listing and a route. */
  addedPartner?: string;
  /** Emails the change sends (the assigned partner, news for the resident). */
  outbox?: OutboxEntry[];
  audit: AuditEntry;
}

/**
 * Reports joining or leaving a case: the case as read and as it becomes (absent before: a
 * new case; absent after: the case ends, and is kept with no reports), and each report whose case changes, as read
 * and as it becomes. Written together, and only if nothing changed since it was read.
 */
interface CaseMembershipChange {
  file: { before?: CaseFile; after?: CaseFile };
  reports: { before: StoredReport; after: StoredReport; folded: boolean }[];
  audit: AuditEntry[];
}

export interface CaseStore {
  listInbox(
    scope: InboxScope,
    filters: InboxFilters,
    limit: number,
    cursor: string | undefined,
    now: Date,
  ): Promise<InboxPage | 'bad-cursor'>;
  /** Reports per status received on the UK days from..to (or ever): one read of the counters. */
  countByStatus(scope: InboxScope, filters: Pick<InboxFilters, 'from' | 'to'>): Promise<Record<Status, number>>;
  /** Rebuilds every status counter from the listings (repair); returns the day items written. */
  recountStatus(partnerIds: readonly string[]): Promise<number>;
  getCase(reference: string): Promise<CaseRecord | undefined>;
  /** 'stale' when the report's version is no longer `before.version` (nothing is written). */
  applyChange(change: CaseChange): Promise<'ok' | 'stale'>;
  addNote(note: CaseNote, audit: AuditEntry): Promise<void>;
  /**
   * Marks the resident's `count` messages read (the report and its inbox listing), with the
   * audit entry saying so; false (nothing written) when another message came meanwhile.
   */
  markMessagesRead(reference: string, count: number, audit: AuditEntry): Promise<boolean>;
  /** Reports with a message no officer has read yet (the sparse unread index). */
  countUnread(): Promise<number>;
  /** Queues an email that is not a workflow change (an update to the resident). */
  addOutbox(entry: OutboxEntry, audit: AuditEntry): Promise<void>;
  getCaseFile(caseId: string): Promise<CaseFile | undefined>;
  /** The officers' inbox summaries of many reports (no personal data), keyed by reference; missing ones are absent. */
  summariesOf(references: string[]): Promise<Map<string, CaseSummary>>;
  /** Many cases at once, keyed by case id; missing ones are absent. */
  getCaseFiles(caseIds: string[]): Promise<Map<string, CaseFile>>;
  /** 'stale' when the case or any of the reports changed since they were read (nothing is written). */
  changeCase(change: CaseMembershipChange): Promise<'ok' | 'stale'>;
  /** Reports with the same hashed contact or place, from the flag indexes. */
  related(kind: 'contact' | 'place', key: string): Promise<FlagCandidate[]>;
  setFlags(stored: StoredReport, flags: Flag[]): Promise<void>;
  /** Every summary received in [fromIso, toIso), for the tasking view. */
  summariesBetween(fromIso: string, toIso: string): Promise<CaseSummary[]>;
}

export interface OutgoingEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /**
   * SES message tags, returned with bounce and complaint events so each can be matched
   * to the delivery it belongs to. Ids only (letters, digits, dashes): never personal data.
   */
  tags?: Record<string, string>;
}

export interface Mailer {
  /** Resolves with the provider's message id; rejects if the email was not accepted. */
  send(email: OutgoingEmail): Promise<string>;
  /** How many emails a second the account may send (SES's MaxSendRate). */
  sendRate(): Promise<number>;
}

interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** True if allowed (and counted); false once `limit` requests were made in the current window. */
  take(key: string, rule: RateLimit, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

const AUDIT_ACTIONS = [
  'read-report',
  'change',
  'note',
  'update-resident',
  'export',
  'read-case-review',
  'case-review',
  'read-evidence',
] as const;

export interface AuditEntry {
  reference: string;
  /** Cognito `sub` of the officer or partner user. */
  userId: string;
  username: string;
  groups: string[];
  action: (typeof AUDIT_ACTIONS)[number];
  /** What changed, in words without personal data (e.g. "Risk graded high"). */
  summary?: string;
  at: string;
  /** Same retention as the report it is about. */
  expiresAt: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /**
   * Appends many (an export) with batched writes: each entry's key is new (a UUID in its
   * sort key), so a batch put only ever adds, as the single conditional put does.
   */
  appendAll(entries: AuditEntry[]): Promise<void>;
  /** Entries on the UK days `from`..`to` (YYYY-MM-DD), oldest first. */
  between(from: string, to: string): Promise<AuditEntry[]>;
}
