/**
 * Use case: a resident opens their report's private link. Each caller may try this many
 * links that do not work in an hour, so keys cannot be guessed at speed (a working link
 * costs no count: residents rereading their report are never held back); a wrong key, an
 * old (revoked) version, a report without a link and one whose retention has ended all
 * get the same answer, which reveals nothing.
 */
import type { Profile } from '../../shared/config/profile-schema';
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
  profile: Pick<Profile, 'areas' | 'partners'>;
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
  const opened = await openPrivateLink(deps, given, caller);
  return opened.kind === 'open' ? { kind: 'found', view: await privateViewOf(deps, opened.live) } : opened;
}

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

const namesOf = (profile: Pick<Profile, 'partners'>, ids: readonly string[]) =>
  ids.map((id) => profile.partners.find((p) => p.id === id)?.name).filter((name): name is string => name !== undefined);

/** Everything the page shows of a report whose link worked: its updates and incidents are read together. */
export async function privateViewOf(
  deps: Pick<PrivateReportDependencies, 'store' | 'profile'>,
  live: StoredReport,
): Promise<PrivateReportView> {
  const [updates, { incidents, messages }] = await Promise.all([
    deps.store.residentUpdates(live.reference),
    deps.store.residentRecords(live.reference),
  ]);
  return {
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
