/**
 * POST /api/officer/reports/{reference}/actions: grade, assign, start, close, note, update
 * the resident, replace their private link, or link the report into a case and unlink it
 * (case-links.ts). Changes name the version the officer
 * loaded; if the report changed since, the answer is 409 and nothing is written. Assigning
 * a partner queues its email in the same outbox the router and sweeper already deliver,
 * and the resident is told (never the case details) when the report is assigned, closed
 * or its link replaced.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { caseActionSchema } from '../../shared/contracts/officer';
import { parseReference } from '../../shared/domain/reference';
import { applyAction, isOverdue } from '../../shared/domain/workflow';
import { readJsonBody } from '../adapters/http/request-body';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import type { AuditEntry } from '../reports/ports';
import { pendingEntry, summaryOf, type OutboxEntry, type OutboxTarget, type ResidentNews, type StoredReport } from '../reports/records';
import { dataLevelFor } from './access';
import { auditEntry, type Officer } from './authorise';
import { notFound } from './access';
import { linkReports, unlinkReport } from './case-links';
import type { OfficerDependencies } from './dependencies';

const stale = (current: StoredReport) =>
  json(409, {
    message: 'Someone else changed this report since you opened it. Reload it to see their change, then try again.',
    version: current.version,
  });

export async function caseAction(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseReference(event.pathParameters?.reference ?? '');
  const read = readJsonBody(event, caseActionSchema, { what: 'the action', check: 'Check the action and try again' });
  if (!read.ok) return read.response;
  const action = read.value;

  const stored = reference ? await deps.store.get(reference) : undefined;
  if (!stored || !dataLevelFor(officer.access, stored)) return notFound();
  const isPartner = officer.access.kind === 'partner';
  // Partner users note their own work and start or close what was assigned to them.
  if (isPartner) {
    const ownCase = officer.access.kind === 'partner' && stored.assignedPartner === officer.access.partnerId;
    const linking = action.action === 'link' || action.action === 'unlink';
    if (!(action.action === 'note' || linking || ((action.action === 'start' || action.action === 'close') && ownCase))) {
      return jsonMessage(
        403,
        'Partner users can add notes, link reports their organisation received, and start or close reports assigned to their organisation.',
      );
    }
  }

  const now = deps.now();
  const at = now.toISOString();
  // Each report's audit entry keeps that report's own retention.
  const auditOf = (report: Pick<StoredReport, 'reference' | 'expiresAt'>, summary: string, kind: AuditEntry['action'] = 'change') =>
    auditEntry(officer, report, kind, at, summary);
  const audit = (summary: string, kind: AuditEntry['action'] = 'change') => auditOf(stored, summary, kind);

  if (action.action === 'note') {
    // Partner users' notes are seen by the partnership and their own organisation only.
    const authorPartnerId = officer.access.kind === 'partner' ? officer.access.partnerId : undefined;
    const shared = !authorPartnerId && action.shareWithPartners === true;
    await deps.cases.addNote(
      {
        reference: stored.reference,
        at,
        userId: officer.identity.userId,
        username: officer.identity.username,
        text: action.text,
        shared,
        authorPartnerId,
        expiresAt: stored.expiresAt,
      },
      audit(shared ? 'Added a note shared with partners' : 'Added a note', 'note'),
    );
    return json(201, {
      message: shared ? 'Note added and shared with the partners this report went to' : 'Note added',
      version: stored.version,
    });
  }
  if (action.action === 'update-resident') {
    if (!stored.report.contact?.email)
      return jsonMessage(
        400,
        'The resident gave no email address, so an update cannot be emailed. Use the phone number on the report if there is one.',
      );
    const target: OutboxTarget = { kind: 'resident-update', message: action.message };
    const entry = pendingEntry(stored, target, now, now.getTime().toString(36));
    await deps.cases.addOutbox(entry, audit('Sent an update to the resident', 'update-resident'));
    return json(202, { message: 'Update queued: it will be emailed to the resident', version: stored.version });
  }

  if (action.action === 'link' || action.action === 'unlink') {
    const ctx = { deps, officer, stored, now, audit: auditOf, stale };
    return action.action === 'link' ? linkReports(ctx, action) : unlinkReport(ctx, action.version);
  }
  if (action.version !== stored.version) return stale(stored);
  // News for the resident goes by email, with their private link: only to someone who gave an address.
  const tell = (news: ResidentNews, version: number): OutboxEntry[] =>
    stored.report.contact?.email ? [pendingEntry(stored, { kind: 'resident-news', news }, now, `${news.event}-v${version}`)] : [];
  if (action.action === 'replace-link') {
    if (!stored.privateLink)
      return json(409, {
        message: 'This report has no private link to replace: the resident reported anonymously and asked for none.',
        version: stored.version,
      });
    const after: StoredReport = { ...stored, privateLink: { version: stored.privateLink.version + 1 }, version: stored.version + 1 };
    const summary = "Replaced the resident's private link";
    const written = await deps.cases.applyChange({
      before: stored,
      after,
      outbox: tell({ event: 'link-replaced' }, after.version),
      audit: audit(summary),
    });
    if (written === 'stale') return stale((await deps.store.get(stored.reference)) ?? stored);
    return json(200, {
      message: stored.report.contact?.email
        ? `${summary}: the old link no longer works, and the new one is being emailed to the resident`
        : `${summary}: the old link no longer works. The resident gave no email address, so they cannot be sent the new one`,
      ...summaryOf(after),
      overdue: isOverdue(after, now),
    });
  }
  const partners = await deps.partners.list();
  if (action.action === 'assign' && !partners.some((p) => p.id === action.partnerId))
    return json(400, {
      message: 'Choose a partner from the list',
      errors: [{ path: 'partnerId', message: 'Choose a partner from the list' }],
    });
  const result = applyAction(stored, action, deps.profile.workflow, now);
  if (!result.ok) return json(409, { message: result.message, version: stored.version });

  const after: StoredReport = { ...stored, ...result.next, version: stored.version + 1 };
  let addedPartner: string | undefined;
  const outbox: OutboxEntry[] = [];
  let summary = result.summary;
  if (action.action === 'assign') {
    const partner = partners.find((p) => p.id === action.partnerId)!;
    summary = `Assigned to ${partner.name}`;
    if (!stored.routes.some((r) => r.partnerId === partner.id)) {
      addedPartner = partner.id;
      after.routes = [...stored.routes, { partnerId: partner.id, dataLevel: partner.dataLevel }];
    }
    const dataLevel = after.routes.find((r) => r.partnerId === partner.id)!.dataLevel;
    const target: OutboxTarget = { kind: 'partner', partnerId: partner.id, dataLevel, assigned: true };
    outbox.push(
      pendingEntry(stored, target, now, `assigned-v${after.version}`),
      ...tell({ event: 'assigned', partnerName: partner.name }, after.version),
    );
  }
  if (action.action === 'close') outbox.push(...tell({ event: 'closed', outcome: action.outcome }, after.version));
  const written = await deps.cases.applyChange({ before: stored, after, addedPartner, outbox, audit: audit(summary) });
  if (written === 'stale') return stale((await deps.store.get(stored.reference)) ?? stored);
  return json(200, { message: summary, ...summaryOf(after), overdue: isOverdue(after, now) });
}
