/**
 * GET /api/officer/reports/{reference}: one report with its routing, email log, notes
 * and timeline, and the case it is linked into. 404 for a report that does not exist or is outside a partner user's
 * scope (its existence is not revealed). The read is audited before data is returned.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parseReference, REFERENCE_ALPHABET } from '../../shared/domain/reference';
import { minimiseForPartner } from '../../shared/domain/minimise';
import { notesFor } from '../../shared/domain/note-visibility';
import { isOverdue } from '../../shared/domain/workflow';
import { json, type HttpResult } from '../adapters/http/responses';
import { dataLevelFor, notFound } from './access';
import { auditEntry, type Officer } from './authorise';
import type { AuditEntry } from '../reports/ports';
import type { OfficerDependencies } from './dependencies';
import { buildTimeline } from './timeline';
import { evidenceOf } from './evidence';
import { complaintFacts, incidentAsReport, type StoredReport } from '../reports/records';
import { MESSAGE_ABOUT_LABELS } from '../../shared/contracts/report';
import type { CaseReviewThreshold, DataLevel } from '../../shared/config/profile-schema';
import { caseFigures, occurredDay } from '../../shared/domain/cases';
import { checkThreshold, complaintsFromReports } from '../../shared/domain/case-review';
import type { CaseRelation } from '../../shared/contracts/workflow-vocabulary';

/** Other reports with the same contact or the same place, newest first, each saying which. */
async function relatedReports(
  deps: OfficerDependencies,
  stored: StoredReport,
): Promise<{ reference: string; createdAt: string; same: ('contact' | 'place')[] }[]> {
  const [byContact, byPlace] = await Promise.all([
    stored.contactKey ? deps.cases.related('contact', stored.contactKey) : [],
    stored.placeKey ? deps.cases.related('place', stored.placeKey) : [],
  ]);
  const found = new Map<string, { reference: string; createdAt: string; same: ('contact' | 'place')[] }>();
  for (const [same, list] of [
    ['contact', byContact],
    ['place', byPlace],
  ] as const)
    for (const c of list) {
      if (c.reference === stored.reference) continue;
      const entry = found.get(c.reference) ?? { reference: c.reference, createdAt: c.createdAt, same: [] };
      entry.same.push(same);
      found.set(c.reference, entry);
    }
  return [...found.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20);
}

/** A report reference as it appears in a timeline line (shared/domain/reference.ts's alphabet). */
const REFERENCE_IN_TEXT = new RegExp(`\\b[${REFERENCE_ALPHABET}]{8}\\b`, 'g');

/**
 * A partner user is not told of reports outside their scope, even by reference in a
 * timeline line ("Linked to …"): each reference but those they can see reads "another report".
 */
function toldAs(officer: Officer, seen: ReadonlySet<string>) {
  return (text: string) =>
    officer.access.kind === 'all' ? text : text.replace(REFERENCE_IN_TEXT, (ref) => (seen.has(ref) ? ref : 'another report'));
}

type CaseRecord = NonNullable<Awaited<ReturnType<OfficerDependencies['cases']['getCase']>>>;

/** Who reported it, as far as the reader's data level shows: a name only to those who get contact details. */
function reporterOf(view: ReturnType<typeof minimiseForPartner>): string {
  if (view.anonymous) return 'Anonymous';
  if (view.contact?.name) return view.contact.name;
  return view.reporterRole ? REPORTER_WORDS[view.reporterRole] : 'A resident';
}
const REPORTER_WORDS = { victim: 'The victim', witness: 'A witness', 'third-party': "Someone on the victim's behalf" } as const;

/**
 * One report as this reader may see it: the report and each incident at the reader's data
 * level, the notes and emails their role allows, and its timeline.
 */
function viewOf(record: CaseRecord, level: DataLevel, officer: Officer, names: Map<string, string>) {
  const { stored } = record;
  const everything = officer.access.kind === 'all';
  const notes = notesFor(
    record.notes,
    officer.access.kind === 'partner' ? { kind: 'partner', partnerId: officer.access.partnerId, dataLevel: level } : { kind: 'all' },
    stored.report,
  );
  // A partner user sees the emails sent to their own organisation only.
  const outbox = everything
    ? record.outbox
    : record.outbox.filter(
        (o) => o.target.kind === 'partner' && officer.access.kind === 'partner' && o.target.partnerId === officer.access.partnerId,
      );
  return {
    report: level === 'full' ? stored.report : minimiseForPartner(stored.report, level),
    // Each incident held to the reader's data level by the report's own rules.
    incidents: record.incidents.map((i) => ({
      at: i.at,
      incident: minimiseForPartner(incidentAsReport(stored.report, i.incident), level),
    })),
    notes,
    timeline: [
      ...buildTimeline(stored, notes, outbox, record.audit, names, officer.isAdmin),
      ...record.incidents.map((i) => ({ at: i.at, kind: 'received' as const, text: 'The resident added something else that happened' })),
      ...record.messages.map((m) => ({ at: m.at, kind: 'received' as const, text: 'The resident sent the partnership a message' })),
    ].sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/**
 * The case the report is in, as this reader may see it: every report in it they could
 * open on its own (each at its own data level, each read audited), every incident in the
 * order it happened with who reported it, and one timeline of them all. A partner user
 * sees only the reports that reached their organisation, so linking shows them nothing new.
 */
async function caseOf(
  deps: OfficerDependencies,
  officer: Officer,
  self: { record: CaseRecord; level: DataLevel; view: ReturnType<typeof viewOf> },
  names: Map<string, string>,
  audit: (report: StoredReport) => AuditEntry,
) {
  const file = self.record.stored.caseId ? await deps.cases.getCaseFile(self.record.stored.caseId) : undefined;
  if (!file?.members.some((m) => m.reference === self.record.stored.reference)) return undefined;
  const others = await Promise.all(
    file.members.filter((m) => m.reference !== self.record.stored.reference).map((m) => deps.cases.getCase(m.reference)),
  );
  const visible = [
    self,
    ...others.flatMap((record) => {
      const level = record && dataLevelFor(officer.access, record.stored);
      return record && level ? [{ record, level, view: viewOf(record, level, officer, names) }] : [];
    }),
  ];
  // Audit first: if the trail cannot be written, the other reports are not shown.
  await deps.audit.appendAll(visible.slice(1).map((v) => audit(v.record.stored)));
  const member = new Map(file.members.map((m) => [m.reference, m]));
  const order = (reference: string) => file.members.findIndex((m) => m.reference === reference);
  const told = toldAs(officer, new Set(visible.map((v) => v.record.stored.reference)));
  const shown = visible
    .map(({ record, view }) => ({
      stored: record.stored,
      view: { ...view, timeline: view.timeline.map((t) => ({ ...t, text: told(t.text) })) },
      member: member.get(record.stored.reference),
    }))
    .sort((a, b) => order(a.stored.reference) - order(b.stored.reference));
  const happened = (i: { occurredAt?: string }, fallback: string) => i.occurredAt ?? fallback;
  const body = {
    caseId: file.caseId,
    version: file.version,
    ...caseFigures(shown.map(({ stored, member: m }) => ({ ...stored, occurredAt: stored.report.occurredAt, relation: m?.relation }))),
    members: shown.map(({ stored, member: m }) => ({
      reference: stored.reference,
      relation: m?.relation,
      linkedAt: m?.linkedAt ?? stored.createdAt,
      linkedBy: m?.linkedBy ?? '',
      status: stored.status,
      createdAt: stored.createdAt,
    })),
    happened: shown
      .flatMap(({ stored, view }) => [
        { reference: stored.reference, at: stored.createdAt, added: false, reportedBy: reporterOf(view.report), incident: view.report },
        ...view.incidents.map((i) => ({
          reference: stored.reference,
          at: i.at,
          added: true,
          reportedBy: reporterOf(view.report),
          incident: i.incident,
        })),
      ])
      .sort((a, b) => happened(a.incident, a.at).localeCompare(happened(b.incident, b.at))),
    timeline: shown
      .flatMap(({ stored, view }) => view.timeline.map((t) => ({ ...t, reference: stored.reference })))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
  // The records shown, with how each joined: for the Case Review check.
  return { body, records: visible.map((v) => ({ record: v.record, relation: member.get(v.record.stored.reference)?.relation })) };
}

/**
 * The ASB Case Review threshold as the portal's own complaints stand today: each report of
 * the case and each incident added to it, marked as qualifying or not. Shown to officers,
 * never decided: complaints made elsewhere come with an application. Only for ASB.
 */
function caseReviewCheck(records: { record: CaseRecord; relation?: CaseRelation | undefined }[], rule: CaseReviewThreshold, now: Date) {
  if (!records.some(({ record }) => record.stored.report.type === 'asb')) return undefined;
  const complaints = complaintsFromReports(
    records.map(({ record: { stored, incidents }, relation }) => complaintFacts(stored, incidents, relation)),
  );
  const check = checkThreshold(complaints, rule, occurredDay(now.toISOString())!);
  return {
    met: check.met,
    ...(check.metBy ? { metBy: check.metBy } : {}),
    counted: check.counted,
    needed: rule.complaints,
    complaints: check.complaints.map((c) => ({
      reference: c.reference!,
      incidentOn: c.incidentOn,
      madeOn: c.madeOn,
      qualifies: c.qualifies && c.sameIncidentAs === undefined,
      reasons: c.reasons,
    })),
  };
}

export async function getCase(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseReference(event.pathParameters?.reference ?? '');
  if (!reference) return notFound();
  const record = await deps.cases.getCase(reference);
  const level = record && dataLevelFor(officer.access, record.stored);
  if (!record || !level) return notFound();
  const { stored } = record;
  const now = deps.now();

  const everything = officer.access.kind === 'all';
  const audit = (report: Pick<StoredReport, 'reference' | 'expiresAt'>, action: AuditEntry['action'], summary?: string) =>
    auditEntry(officer, report, action, now.toISOString(), summary);
  // Audit first: if the trail cannot be written, the data is not shown.
  await deps.audit.append(audit(stored, 'read-report'));
  // An officer opening the case reads the resident's messages: they stop counting as unread.
  if (everything && stored.unreadMessages) {
    const what = stored.unreadMessages === 1 ? 'a message' : `${stored.unreadMessages} messages`;
    await deps.cases.markMessagesRead(reference, stored.unreadMessages, audit(stored, 'change', `Read ${what} from the resident`));
  }
  // Applications are few (a handful a year): their listing, projected, is read whole, beside the rest.
  const reviewListings = everything ? deps.reviews.listings() : undefined;
  reviewListings?.catch(() => undefined);
  const [partners, related, files] = await Promise.all([
    // Names only: a minute-old list is fine, and saves a query on every case opened.
    deps.partnerList(),
    // Suggestions, not automation: reports with the same contact or place (the flags' own
    // indexes), for an officer to judge. Partner users are not shown them: a suggestion would
    // tell them of reports outside their scope.
    everything ? relatedReports(deps, stored) : undefined,
    evidenceOf(deps, officer, stored),
  ]);
  const names = new Map(partners.map((p) => [p.id, p.name]));
  // Every field below is held to the reader's data level, notes and timeline included.
  const view = viewOf(record, level, officer, names);
  const linked = await caseOf(deps, officer, { record, level, view }, names, (r) =>
    audit(r, 'read-report', `Read as part of the case of ${reference}`),
  );
  const caseReview = everything
    ? caseReviewCheck(linked?.records ?? [{ record, relation: undefined }], deps.profile.caseReview.threshold, now)
    : undefined;
  const caseReferences = linked?.body.members.map((m) => m.reference) ?? [];
  const ofThisCase = new Set([reference, ...caseReferences]);
  const caseReviews = (await reviewListings)
    ?.filter((r) => r.reports.some((ref) => ofThisCase.has(ref)))
    .map((r) => ({ reference: r.reference, state: r.state }));
  return json(200, {
    reference,
    version: stored.version,
    status: stored.status,
    risk: stored.risk,
    dueAt: stored.dueAt,
    overdue: isOverdue(stored, now),
    assignedPartner: stored.assignedPartner,
    outcome: stored.outcome,
    closedAt: stored.closedAt,
    flags: stored.flags ?? [],
    createdAt: stored.createdAt,
    dataLevel: level,
    report: view.report,
    routes: stored.routes,
    // Reports already in this case are not suggested again.
    related: related?.filter((r) => !caseReferences.includes(r.reference)),
    incidents: view.incidents,
    // The resident's files, to those who may open them; to others only how many there are.
    ...files,
    // The resident's messages are for the partnership's officers: a partner user is told one came, not what it says.
    messages: everything
      ? record.messages.map((m) => ({ at: m.at, about: MESSAGE_ABOUT_LABELS[m.message.about], text: m.message.message }))
      : undefined,
    residentEmail: everything ? Boolean(stored.report.contact?.email) : undefined,
    residentLink: everything ? Boolean(stored.privateLink) : undefined,
    notes: view.notes.map((n) => ({
      at: n.at,
      by: n.username,
      text: n.text,
      shared: n.shared === true,
      ...(n.authorPartnerId ? { partner: n.authorPartnerId } : {}),
    })),
    timeline: view.timeline.map((t) => ({
      ...t,
      text: toldAs(officer, new Set([reference, ...caseReferences]))(t.text),
    })),
    case: linked?.body,
    caseReview,
    caseReviews,
  });
}
