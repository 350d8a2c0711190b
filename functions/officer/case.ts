/**
 * GET /api/officer/reports/{reference}: one report with its routing, email log, notes
 * and timeline. 404 for a report that does not exist or is outside a partner user's
 * scope (its existence is not revealed). The read is audited before data is returned.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parseReference } from '../../shared/domain/reference';
import { minimiseForPartner } from '../../shared/domain/minimise';
import { notesFor } from '../../shared/domain/note-visibility';
import { isOverdue } from '../../shared/domain/workflow';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { dataLevelFor } from './access';
import type { Officer } from './authorise';
import type { AuditEntry } from '../reports/ports';
import type { OfficerDependencies } from './dependencies';
import { buildTimeline } from './timeline';
import { incidentAsReport, type StoredReport } from '../reports/records';
import { MESSAGE_ABOUT_LABELS } from '../../shared/contracts/report';

export const notFound = () => jsonMessage(404, 'No report with that reference, or not one you can see');

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

export async function getCase(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseReference(event.pathParameters?.reference ?? '');
  if (!reference) return notFound();
  const record = await deps.cases.getCase(reference);
  const level = record && dataLevelFor(officer.access, record.stored);
  if (!record || !level) return notFound();
  const { stored } = record;
  const now = deps.now();

  const everything = officer.access.kind === 'all';
  const audit = (action: AuditEntry['action'], summary?: string): AuditEntry => ({
    reference,
    userId: officer.identity.userId,
    username: officer.identity.username,
    groups: officer.identity.groups,
    action,
    ...(summary ? { summary } : {}),
    at: now.toISOString(),
    expiresAt: stored.expiresAt,
  });
  // Audit first: if the trail cannot be written, the data is not shown.
  await deps.audit.append(audit('read-report'));
  // An officer opening the case reads the resident's messages: they stop counting as unread.
  if (everything && stored.unreadMessages) {
    const what = stored.unreadMessages === 1 ? 'a message' : `${stored.unreadMessages} messages`;
    await deps.cases.markMessagesRead(reference, audit('change', `Read ${what} from the resident`));
  }
  const [partners, related] = await Promise.all([
    // Names only: a minute-old list is fine, and saves a query on every case opened.
    deps.partnerList(),
    // Suggestions, not automation: reports with the same contact or place (the flags' own
    // indexes), for an officer to judge. Partner users are not shown them: a suggestion would
    // tell them of reports outside their scope.
    everything ? relatedReports(deps, stored) : undefined,
  ]);
  const names = new Map(partners.map((p) => [p.id, p.name]));
  // Every field below is held to the reader's data level, notes and timeline included.
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
    report: level === 'full' ? stored.report : minimiseForPartner(stored.report, level),
    routes: stored.routes,
    related,
    // Each incident held to the reader's data level by the report's own rules.
    incidents: record.incidents.map((i) => ({
      at: i.at,
      incident: minimiseForPartner(incidentAsReport(stored.report, i.incident), level),
    })),
    // The resident's messages are for the partnership's officers: a partner user is told one came, not what it says.
    messages: everything
      ? record.messages.map((m) => ({ at: m.at, about: MESSAGE_ABOUT_LABELS[m.message.about], text: m.message.message }))
      : undefined,
    residentEmail: everything ? Boolean(stored.report.contact?.email) : undefined,
    residentLink: everything ? Boolean(stored.privateLink) : undefined,
    notes: notes.map((n) => ({
      at: n.at,
      by: n.username,
      text: n.text,
      shared: n.shared === true,
      ...(n.authorPartnerId ? { partner: n.authorPartnerId } : {}),
    })),
    timeline: [
      ...buildTimeline(stored, notes, outbox, record.audit, names, officer.isAdmin),
      ...record.incidents.map((i) => ({ at: i.at, kind: 'received' as const, text: 'The resident added something else that happened' })),
      ...record.messages.map((m) => ({ at: m.at, kind: 'received' as const, text: 'The resident sent the partnership a message' })),
    ].sort((a, b) => a.at.localeCompare(b.at)),
  });
}
