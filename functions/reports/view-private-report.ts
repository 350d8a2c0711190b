/**
 * Use case: a resident opens their report's private link. Each caller may try this many
 * links that do not work in an hour, so keys cannot be guessed at speed (a working link
 * costs no count: residents rereading their report are never held back); a wrong key, an
 * old (revoked) version, a report without a link and one whose retention has ended all
 * get the same answer, which reveals nothing.
 */
import type { CaseReviewThreshold, Profile } from '../../shared/config/profile-schema';
import { MESSAGE_ABOUT_LABELS } from '../../shared/contracts/report';
import { describeReport } from '../../shared/domain/describe-report';
import { parseReference } from '../../shared/domain/reference';
import type { PrivateReportView } from '../../shared/ui/private-report';
import type { RateLimiter, ReportStore } from './ports';
import { isPrivateLinkKey } from './private-link';
import { incidentAsReport, type StoredReport } from './records';

/** Links that do not work, per caller (hashed source address), per hour: far more than mistyping allows for. */
export const PRIVATE_LINK_LIMIT = { limit: 60, windowSeconds: 3600 };

export interface PrivateReportDependencies {
  store: Pick<ReportStore, 'get' | 'residentUpdates' | 'residentRecords'>;
  limiter: RateLimiter;
  profile: Pick<Profile, 'areas' | 'partners' | 'caseReview'>;
  linkSecret: () => Promise<string>;
  now: () => Date;
  hash: (value: string) => string;
}

export type PrivateReportResult =
  | { kind: 'found'; view: PrivateReportView }
  | { kind: 'not-found' }
  | { kind: 'limited'; retryAfterSeconds: number };

export async function viewPrivateReport(
  deps: PrivateReportDependencies,
  given: { reference: string | undefined; key: string | undefined },
  caller: string,
): Promise<PrivateReportResult> {
  // What the page shows is read while the link is checked: one round trip to the table, not
  // two in turn. A link that does not work discards it (and counts against the caller's limit).
  const reference = parseReference(given.reference ?? '');
  const records = reference ? recordsOf(deps, reference) : undefined;
  records?.catch(() => undefined);
  const opened = await openPrivateLink(deps, given, caller);
  return opened.kind === 'open' ? { kind: 'found', view: await privateViewOf(deps, opened.live, records) } : opened;
}

/** The updates officers sent and what the resident added, read together. */
const recordsOf = (deps: Pick<PrivateReportDependencies, 'store'>, reference: string) =>
  Promise.all([deps.store.residentUpdates(reference), deps.store.residentRecords(reference)]);

/** Link checking shared by everything done through a private link. */
type LinkDependencies = Pick<PrivateReportDependencies, 'limiter' | 'linkSecret' | 'now' | 'hash'> & {
  store: Pick<ReportStore, 'get'>;
};

/**
 * The report a private link opens, or why it opens nothing. Every link that does not work
 * costs the caller one try of their hourly limit; a working one costs nothing.
 */
export async function openPrivateLink(
  deps: LinkDependencies,
  given: { reference: string | undefined; key: string | undefined },
  caller: string,
): Promise<{ kind: 'open'; live: StoredReport } | { kind: 'not-found' } | { kind: 'limited'; retryAfterSeconds: number }> {
  const reference = parseReference(given.reference ?? '');
  const stored = reference ? await deps.store.get(reference) : undefined;
  // DynamoDB removes expired items within days, not at once: an expired report is gone already.
  const live = stored && stored.expiresAt > deps.now().getTime() / 1000 ? stored : undefined;
  if (live && isPrivateLinkKey(await deps.linkSecret(), live, given.key)) return { kind: 'open', live };
  const taken = await deps.limiter.take(`private-link#${deps.hash(caller)}`, PRIVATE_LINK_LIMIT, deps.now());
  return taken.allowed ? { kind: 'not-found' } : { kind: 'limited', retryAfterSeconds: taken.retryAfterSeconds };
}

/**
 * Whether to tell an ASB victim about the Case Review: their report and what they added in
 * the threshold's window come to the local number of complaints, or one short of it, or
 * officers' flag says the threshold is met. A hint, never a decision: officers decide.
 */
export function caseReviewHint(
  live: Pick<StoredReport, 'report' | 'createdAt' | 'flags'>,
  incidents: readonly { at: string }[],
  rule: CaseReviewThreshold,
  now: Date,
): 'meets' | 'nears' | undefined {
  if (live.report.type !== 'asb') return undefined;
  if (live.flags?.includes('case-review')) return 'meets';
  const since = new Date(now.getTime() - rule.windowDays * 86_400_000).toISOString();
  const told = [live.createdAt, ...incidents.map((i) => i.at)].filter((at) => at >= since).length;
  return told >= rule.complaints ? 'meets' : told === rule.complaints - 1 ? 'nears' : undefined;
}

const namesOf = (profile: Pick<Profile, 'partners'>, ids: readonly string[]) =>
  ids.map((id) => profile.partners.find((p) => p.id === id)?.name).filter((name): name is string => name !== undefined);

/** Everything the page shows of a report whose link worked: its updates and incidents are read together. */
export async function privateViewOf(
  deps: Pick<PrivateReportDependencies, 'store' | 'profile' | 'now'>,
  live: StoredReport,
  /** The records, when already being read (viewPrivateReport). */
  reading?: ReturnType<typeof recordsOf>,
): Promise<PrivateReportView> {
  const [updates, { incidents, messages }] = await (reading ?? recordsOf(deps, live.reference));
  return {
    caseReview: caseReviewHint(live, incidents, deps.profile.caseReview.threshold, deps.now()),
    evidenceFiles: live.evidenceCount,
    reference: live.reference,
    receivedAt: live.createdAt,
    status: live.status,
    outcome: live.outcome,
    dueAt: live.status === 'closed' ? undefined : live.dueAt,
    // The assigned organisation, or every one it was routed to.
    dealingWith: namesOf(deps.profile, live.assignedPartner ? [live.assignedPartner] : live.routes.map((r) => r.partnerId)),
    // Who a new incident goes to: every organisation the report went to (add-incident.ts).
    incidentsGoTo: namesOf(
      deps.profile,
      live.routes.map((r) => r.partnerId),
    ),
    updates,
    answers: describeReport(live.report, deps.profile),
    incidents: incidents.map((i) => ({ at: i.at, rows: describeReport(incidentAsReport(live.report, i.incident), deps.profile) })),
    messages: messages.map((m) => ({ at: m.at, about: MESSAGE_ABOUT_LABELS[m.message.about], text: m.message.message })),
  };
}
