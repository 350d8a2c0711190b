/**
 * What the portal stores about a report, independent of DynamoDB. Adapters translate
 * these to items; use cases and the router work only with these.
 */
import type { Incident, Report, ResidentMessage } from '../../shared/contracts/report';
import type { Route } from '../../shared/domain/routing';
import type { CaseState } from '../../shared/domain/workflow';
import type { Outcome, Risk, Status } from '../../shared/contracts/workflow-vocabulary';
import type { Flag } from '../../shared/domain/flags';
import type { ReviewEmailStep } from '../../shared/domain/case-review-process';
import type { ReportAsComplaints } from '../../shared/domain/case-review';
import type { CaseRelation } from '../../shared/contracts/workflow-vocabulary';

type DeliveryState = 'pending' | 'sent' | 'failed';

/**
 * What the resident is told when it matters, as it was at the time: who took the report
 * on, how it was closed, or that their private link was replaced. Never the report itself.
 */
export type ResidentNews = { event: 'assigned'; partnerName: string } | { event: 'closed'; outcome: Outcome } | { event: 'link-replaced' };

/**
 * Who an outbox entry emails: a partner (with its data level; `assigned` when an officer
 * sent it), the resident's confirmation, an officer's update to the resident, or news of
 * the report for the resident.
 */
export type OutboxTarget =
  | {
      kind: 'partner';
      partnerId: string;
      dataLevel: Route['dataLevel'];
      assigned?: boolean;
      /** An incident the resident added (its `at`): the email is about it, not the report. */
      incidentAt?: string;
      /** A file the resident attached (its id): the email says how many there are, never attaches them. */
      evidenceId?: string;
    }
  | { kind: 'resident' }
  | { kind: 'resident-update'; message: string }
  | { kind: 'resident-news'; news: ResidentNews }
  /** The partnership's team is told a resident wrote (the message's `at`): never its words. */
  | { kind: 'team-message'; messageAt: string }
  /** A step of an ASB Case Review application: to its applicant, or to a partner it names (`partnerId`). */
  | { kind: 'case-review'; step: ReviewEmailStep; partnerId?: string };

export interface Delivery {
  state: DeliveryState;
  attempts: number;
  lastAttemptAt?: string;
  /** Short, personal-data-free reason of the last failure (e.g. "SES unavailable"). */
  lastError?: string;
  messageId?: string;
  /** While pending: when the sweeper may try it (next). The sweeper's index sorts on it. */
  nextAttemptAt?: string;
  /** What the receiving mail server said after SES accepted the email (bounce or complaint). */
  feedback?: DeliveryFeedback;
}

/** A bounce or complaint SES reported for a sent email: kinds and codes only, no addresses. */
export interface DeliveryFeedback {
  kind: 'bounce' | 'complaint';
  at: string;
  /** e.g. "Permanent (NoEmail)" for a bounce, "abuse" for a complaint. */
  detail: string;
}

/**
 * A new entry is the stream router's for this long; after that the sweeper may send it
 * too (the router was throttled, timed out or gave up). Deliveries are idempotent on state.
 */
const ROUTER_HEAD_START_MS = 60_000;

export interface StoredReport extends CaseState {
  reference: string;
  report: Report;
  routes: Route[];
  /** Delivery log keyed by outbox target id (partner id or "resident"). */
  deliveries: Record<string, Delivery>;
  expiresAt: number;
  /** Bumped by every officer change; an update naming an older version is refused (409). */
  version: number;
  flags?: Flag[];
  /**
   * The resident's private link (private-link.ts): present when they have one, its
   * version bumped to revoke every earlier link. Reporters who give contact details get
   * one; anonymous reporters only if they ask.
   */
  privateLink?: { version: number };
  /** Messages from the resident no officer has read yet (set with the message, removed when an officer opens the case). */
  unreadMessages?: number;
  /** The case officers linked it into (shared/domain/cases.ts), if any. */
  caseId?: string;
  /** Incidents the resident added since, and when the latest came (kept with each one added). */
  incidentCount?: number;
  lastIncidentAt?: string;
  /** Files the resident attached that passed every check (functions/evidence). */
  evidenceCount?: number;
  /** SHA-256 of the contact and of the street and area, to find repeat reports (flags.ts). */
  contactKey?: string;
  placeKey?: string;
}

/**
 * What the inbox shows of a report: no personal data, so it can be copied to every
 * partner's listing and indexed freely.
 */
export interface CaseSummary {
  reference: string;
  createdAt: string;
  status: Status;
  version: number;
  dueAt: string;
  risk?: Risk;
  assignedPartner?: string;
  outcome?: Outcome;
  closedAt?: string;
  flags?: Flag[];
  type: Report['type'];
  category?: Report['asbCategory'];
  motivations?: Report['hateMotivations'];
  area: string;
  occurredAt?: string;
  /** Partners that received the report (by the rules or by assignment). */
  partners: string[];
  /** Messages from the resident no officer has read (the officers' inbox only). */
  unreadMessages?: number;
  /** The case it is linked into (the officers' inbox only: partners are not told of other reports). */
  caseId?: string;
  /** Incidents the resident added since, and when the latest came. */
  incidentCount?: number;
  lastIncidentAt?: string;
}

export function summaryOf(stored: StoredReport): CaseSummary {
  const { report } = stored;
  return {
    reference: stored.reference,
    createdAt: stored.createdAt,
    status: stored.status,
    version: stored.version,
    dueAt: stored.dueAt,
    risk: stored.risk,
    assignedPartner: stored.assignedPartner,
    outcome: stored.outcome,
    closedAt: stored.closedAt,
    flags: stored.flags?.length ? stored.flags : undefined,
    type: report.type,
    category: report.asbCategory,
    motivations: report.hateMotivations,
    area: report.location.area,
    occurredAt: report.occurredAt,
    partners: stored.routes.map((r) => r.partnerId),
    incidentCount: stored.incidentCount,
    lastIncidentAt: stored.lastIncidentAt,
  };
}

/** An officer's note on a report (kept with the report, same retention). */
export interface CaseNote {
  reference: string;
  at: string;
  userId: string;
  username: string;
  text: string;
  /** An officer shared it with the partners the report went to; otherwise partnership-internal. */
  shared?: boolean;
  /** The partner organisation of a partner user who wrote it (they always see their own). */
  authorPartnerId?: string;
  expiresAt: number;
}

export interface OutboxEntry extends Delivery {
  reference: string;
  targetId: string;
  target: OutboxTarget;
  createdAt: string;
  expiresAt: number;
  /** The sender holding the entry (router or sweeper) until `claimedUntil`: only it may send. */
  claimId?: string;
  claimedUntil?: string;
  /** Every attempt, oldest first, as recorded (entries from before it was kept have none). */
  history?: DeliveryAttempt[];
}

/** Something else that happened, added by the resident from their private link (same retention as the report). */
export interface IncidentRecord {
  reference: string;
  /** When the resident added it: also its id within the report. */
  at: string;
  incident: Incident;
  expiresAt: number;
}

/**
 * The incident as a report of the same type and area, with no contact details: so that it
 * is minimised for each partner, and described, by the same rules as the report itself.
 */
export function incidentAsReport(report: Report, incident: Incident): Report {
  return {
    type: report.type,
    asbCategory: report.asbCategory,
    hateMotivations: report.hateMotivations,
    reporterRole: report.reporterRole,
    description: incident.description,
    occurredAt: incident.occurredAt,
    ongoing: incident.ongoing,
    location: { area: report.location.area, street: incident.location?.street, details: incident.location?.details },
    offenderDescription: incident.offenderDescription,
    impact: incident.impact,
    anonymous: false,
  };
}

/**
 * A report as the Case Review's threshold check reads it (shared/domain/case-review.ts): when
 * it and each incident added to it were told and happened, and the hashed contact and place.
 * No personal data.
 */
export function complaintFacts(stored: StoredReport, incidents: readonly IncidentRecord[], relation?: CaseRelation): ReportAsComplaints {
  return {
    reference: stored.reference,
    type: stored.report.type,
    createdAt: stored.createdAt,
    occurredAt: stored.report.occurredAt,
    relation,
    by: stored.contactKey,
    place: stored.placeKey,
    incidents: incidents.map((i) => ({ at: i.at, occurredAt: i.incident.occurredAt })),
  };
}

/** A message the resident sent the officers from their private link (same retention as the report). */
export interface MessageRecord {
  reference: string;
  at: string;
  message: ResidentMessage;
  expiresAt: number;
}

/** An update an officer wrote to the resident, as the status page shows it. */
export interface ResidentUpdate {
  at: string;
  message: string;
}

/** One try at sending an email, as it happened. */
export interface DeliveryAttempt {
  /** 1 for the first try. */
  attempt: number;
  at: string;
  outcome: 'sent' | 'not-sent' | 'failed';
  /** Why it was not sent (names and codes only, never addresses). */
  error?: string;
  /** When it will be tried again, after a `not-sent`. */
  nextAttemptAt?: string;
}

/**
 * How long a claim lasts. A sender that crashed between claiming and recording frees the
 * entry after this; only then can an email be sent twice (sent, but not recorded).
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** The outbox key of a target; assignments and updates get a suffix so each is a new email. */
export function targetId(target: OutboxTarget, suffix?: string): string {
  const base = target.kind === 'partner' ? target.partnerId : target.kind;
  return suffix ? `${base}-${suffix}` : base;
}

/**
 * A new outbox entry, pending: the router's to send first, the sweeper's once the head
 * start is over. `suffix` makes a repeat of the same kind (another assignment, another
 * update) a new email.
 */
export function pendingEntry(
  report: Pick<StoredReport, 'reference' | 'expiresAt'>,
  target: OutboxTarget,
  now: Date,
  suffix?: string,
): OutboxEntry {
  return {
    reference: report.reference,
    targetId: targetId(target, suffix),
    target,
    createdAt: now.toISOString(),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(now.getTime() + ROUTER_HEAD_START_MS).toISOString(),
    expiresAt: report.expiresAt,
  };
}
