/**
 * CSV exports: GET /api/officer/exports/reports (the filtered inbox list; personal
 * fields only for admins, and each report an admin exports is audited as read) and
 * GET /api/officer/audit (admins: the audit trail for a date range, JSON or CSV).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dateRangeSchema } from '../../shared/contracts/officer';
import { toFieldErrors } from '../../shared/contracts/field-errors';
import { toCsv } from '../../shared/domain/csv';
import { isOverdue } from '../../shared/domain/workflow';
import { json, type HttpResult } from '../adapters/http/responses';
import type { CaseSummary, StoredReport } from '../reports/records';
import type { Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';
import { parseInboxQuery, scopeOf } from './inbox';

/** More than a year of a busy partnership's reports; beyond it, narrow the filters. */
export const MAX_EXPORT_ROWS = 5000;

const csv = (filename: string, body: string): HttpResult => ({
  statusCode: 200,
  headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' },
  body,
});

const SUMMARY_HEADER = ['Reference', 'Received', 'Status', 'Risk', 'Response due', 'Overdue', 'Assigned partner', 'Outcome', 'Flags', 'Type', 'ASB category', 'Hate motivations', 'Area', 'Happened'];
const PERSONAL_HEADER = ['Street', 'Postcode', 'Place details', 'What happened', 'People involved', 'Vehicles', 'Reporter role', 'Anonymous', 'Name', 'Email', 'Phone'];

export async function exportReports(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const parsed = parseInboxQuery(deps, event);
  if (!parsed.ok) return parsed.response;
  const { cursor: _c, limit: _l, ...filters } = parsed.query;
  const now = deps.now();
  const rows: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.cases.listInbox(scopeOf(officer), filters, 100, cursor, now);
    if (page === 'bad-cursor') break;
    rows.push(...page.items);
    cursor = page.cursor;
  } while (cursor && rows.length < MAX_EXPORT_ROWS);
  if (rows.length >= MAX_EXPORT_ROWS && cursor) return json(413, { message: `More than ${MAX_EXPORT_ROWS.toLocaleString('en-GB')} reports match. Narrow the dates or filters and export again.` });

  const summaryCells = (s: CaseSummary) => [s.reference, s.createdAt, s.status, s.risk, s.dueAt, isOverdue(s, now) ? 'yes' : 'no', s.assignedPartner, s.outcome, s.flags, s.type, s.category, s.motivations, s.area, s.occurredAt];
  if (!officer.isAdmin) return csv('reports.csv', toCsv(SUMMARY_HEADER, rows.map(summaryCells)));

  const full: (StoredReport | undefined)[] = [];
  for (let i = 0; i < rows.length; i += 25) full.push(...(await Promise.all(rows.slice(i, i + 25).map((r) => deps.store.get(r.reference)))));
  const at = now.toISOString();
  // Personal data leaves the system here: every report in the file is audited first.
  await deps.audit.appendAll(
    full.filter((s): s is StoredReport => Boolean(s)).map((s) => ({ reference: s.reference, userId: officer.identity.userId, username: officer.identity.username, groups: officer.identity.groups, action: 'export', summary: 'Exported with personal data (CSV)', at, expiresAt: s.expiresAt })),
  );
  const personal = (s: StoredReport | undefined) => {
    const r = s?.report;
    return [r?.location.street, r?.location.postcode, r?.location.details, r?.description, r?.offenderDescription, r?.vehicleDescription, r?.reporterRole, r ? (r.anonymous ? 'yes' : 'no') : undefined, r?.contact?.name, r?.contact?.email, r?.contact?.phone];
  };
  return csv('reports-with-personal-data.csv', toCsv([...SUMMARY_HEADER, ...PERSONAL_HEADER], rows.map((s, i) => [...summaryCells(s), ...personal(full[i])])));
}

/** A date range (default: the last 7 days to today), checked for order and length. */
export function parseRange(event: APIGatewayProxyEventV2, now: Date, defaultDays: number, maxDays: number) {
  const params = Object.fromEntries(Object.entries(event.queryStringParameters ?? {}).filter(([, v]) => v));
  const parsed = dateRangeSchema.safeParse(params);
  if (!parsed.success) return { ok: false as const, response: json(400, { message: 'Check the dates', errors: toFieldErrors(parsed.error) }) };
  const to = parsed.data.to ?? now.toISOString().slice(0, 10);
  const from = parsed.data.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (defaultDays - 1) * 86_400_000).toISOString().slice(0, 10);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) return { ok: false as const, response: json(400, { message: 'The "to" date must be the same as or after the "from" date', errors: [{ path: 'to', message: 'The "to" date must be the same as or after the "from" date' }] }) };
  if (days > maxDays) return { ok: false as const, response: json(400, { message: `Choose a period of ${maxDays} days or fewer`, errors: [{ path: 'from', message: `Choose a period of ${maxDays} days or fewer` }] }) };
  return { ok: true as const, from, to, days, format: parsed.data.format ?? 'json' };
}

export async function exportAudit(deps: OfficerDependencies, _officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const range = parseRange(event, deps.now(), 7, 92);
  if (!range.ok) return range.response;
  const entries = (await deps.audit.between(range.from, range.to)).sort((a, b) => a.at.localeCompare(b.at));
  if (range.format === 'csv') return csv(`audit-${range.from}-to-${range.to}.csv`, toCsv(['When', 'Who', 'Groups', 'Action', 'Reference', 'What'], entries.map((e) => [e.at, e.username, e.groups, e.action, e.reference, e.summary])));
  return json(200, { from: range.from, to: range.to, entries });
}
